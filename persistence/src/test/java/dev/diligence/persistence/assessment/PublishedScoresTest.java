package dev.diligence.persistence.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.framework.FrameworkV1;
import dev.diligence.domain.scoring.AssessmentContext;
import dev.diligence.domain.scoring.Confidence;
import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.scoring.EuAiActTier;
import dev.diligence.domain.scoring.ScoringEngine;
import dev.diligence.domain.scoring.ScoringResult;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PublishedScoresTest {

    private final PublishedScores scores = new PublishedScores();
    private final AtomicInteger computed = new AtomicInteger();

    @Test
    void aPublishedAssessmentIsScoredOncePerTenantAndAssessment() {
        UUID tenant = UUID.randomUUID();
        UUID assessment = UUID.randomUUID();

        ScoringResult first = scores.of(tenant, assessment, counting(2));
        ScoringResult again = scores.of(tenant, assessment, counting(3));

        assertThat(again).isSameAs(first);
        assertThat(computed).hasValue(1);
        assertThat(scores.of(UUID.randomUUID(), assessment, counting(3))).isNotSameAs(first);
        assertThat(scores.of(tenant, UUID.randomUUID(), counting(3))).isNotSameAs(first);
        assertThat(computed).hasValue(3);
    }

    @Test
    void pastItsBoundItStartsOver() {
        UUID tenant = UUID.randomUUID();
        UUID firstAssessment = UUID.randomUUID();
        ScoringResult first = scores.of(tenant, firstAssessment, counting(1));
        for (int i = 1; i < PublishedScores.MAX_ENTRIES; i++) {
            scores.of(tenant, UUID.randomUUID(), () -> first);
        }
        assertThat(scores.of(tenant, firstAssessment, counting(1))).isSameAs(first);

        scores.of(tenant, UUID.randomUUID(), () -> first);

        assertThat(scores.of(tenant, firstAssessment, counting(1))).isNotSameAs(first);
        assertThat(computed).hasValue(2);
    }

    private Supplier<ScoringResult> counting(int level) {
        return () -> {
            computed.incrementAndGet();
            AssessmentContext context = new AssessmentContext(true, EuAiActTier.MINIMAL, Set.of(), null, false);
            return new ScoringEngine()
                    .score(
                            FrameworkV1.VERSION,
                            context,
                            Map.of("C1.1", CriterionScore.scored(level, Confidence.HIGH, 0)));
        };
    }
}
