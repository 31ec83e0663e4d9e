package dev.diligence.domain.assessment;

import static dev.diligence.domain.assessment.AssessmentFixtures.OTHER_ASSESSOR;
import static dev.diligence.domain.assessment.AssessmentFixtures.V1;
import static dev.diligence.domain.assessment.AssessmentFixtures.anAssessment;
import static dev.diligence.domain.shared.ViolationAssertions.assertThatRuleViolation;
import static dev.diligence.domain.shared.ViolationAssertions.generalViolation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.scoring.Confidence;
import dev.diligence.domain.scoring.EuAiActTier;
import dev.diligence.domain.shared.ViolationCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StartFromLatestTest {

    private static final Instant NEXT_YEAR = Instant.parse("2027-03-01T09:00:00Z");

    @Test
    void copiesScoresEvidenceRationalesAndContextIntoANewDraft() {
        Assessment latest = anAssessment()
                .scored("C3.1", 4, Confidence.HIGH)
                .in(c -> c.withEuAiActTier(EuAiActTier.LIMITED))
                .published();

        Assessment next = Assessment.startFrom(latest, V1, OTHER_ASSESSOR, OTHER_ASSESSOR, NEXT_YEAR);

        assertThat(next.id()).isNotEqualTo(latest.id());
        assertThat(next.company()).isEqualTo(latest.company());
        assertThat(next.status()).isEqualTo(AssessmentStatus.DRAFT);
        assertThat(next.context()).isEqualTo(latest.context());
        assertThat(next.criteria()).isEqualTo(latest.criteria());
        assertThat(next.criteria().find("C3.1").orElseThrow().evidence())
                .isEqualTo(latest.criteria().find("C3.1").orElseThrow().evidence());
        assertThat(next.leadAssessor()).isEqualTo(OTHER_ASSESSOR);
        assertThat(next.publication()).isNull();
        assertThat(next.createdAt()).isEqualTo(NEXT_YEAR);
        assertThat(next.version()).isZero();
    }

    @Test
    void theNewDraftHasItsOwnReviewTrail() {
        Assessment latest = anAssessment().published();

        Assessment next = Assessment.startFrom(latest, V1, OTHER_ASSESSOR, OTHER_ASSESSOR, NEXT_YEAR);

        assertThat(next.review()).isEqualTo(ReviewTrail.startedBy(OTHER_ASSESSOR));
    }

    @Test
    void refusesToStartFromADraftOrARetractedAssessment() {
        assertThatRuleViolation(() ->
                        Assessment.startFrom(anAssessment().draft(), V1, OTHER_ASSESSOR, OTHER_ASSESSOR, NEXT_YEAR))
                .containsExactly(generalViolation(ViolationCode.INVALID_STATE));
        assertThatRuleViolation(() ->
                        Assessment.startFrom(anAssessment().retracted(), V1, OTHER_ASSESSOR, OTHER_ASSESSOR, NEXT_YEAR))
                .containsExactly(generalViolation(ViolationCode.INVALID_STATE));
    }
}
