package dev.diligence.domain.scoring;

import static dev.diligence.domain.scoring.Assessments.anAssessment;
import static dev.diligence.domain.scoring.Assessments.anUnscoredAssessment;
import static dev.diligence.domain.scoring.Assessments.d;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RF1: EU AI Act tier PROHIBITED suppresses the level and flags the deal (CRITICAL). */
class ProhibitedPracticeRuleTest {

    @Test
    void suppressesTheLevelButStillReportsTheScore() {
        ScoringResult result = anAssessment()
                .in(context -> context.withEuAiActTier(EuAiActTier.PROHIBITED))
                .score();

        assertThat(result.level()).isEmpty();
        assertThat(result.overall().levelSuppressed()).isTrue();
        assertThat(result.overall().level()).isNull();
        assertThat(result.overall().levelCappedBy()).isNull();
        assertThat(result.overall().uncappedLevel()).isEqualTo(2);
        assertThat(result.overall().score()).isEqualTo(d("2.0000000000"));
        assertThat(result.overall().percentage()).isEqualTo(d("50.0000000000"));
    }

    @Test
    void raisesACriticalDealLevelRedFlag() {
        ScoringResult result = anAssessment()
                .in(context -> context.withEuAiActTier(EuAiActTier.PROHIBITED))
                .score();

        assertThat(result.redFlags()).singleElement().satisfies(flag -> {
            assertThat(flag.rule()).isEqualTo("RF1");
            assertThat(flag.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(flag.dealLevel()).isTrue();
            assertThat(flag.criterion()).isNull();
        });
        assertThat(result.dealLevelRedFlag()).isTrue();
    }

    @Test
    void flagsTheDealEvenWhenNothingIsScoredYet() {
        ScoringResult result = anUnscoredAssessment()
                .in(context -> context.withEuAiActTier(EuAiActTier.PROHIBITED))
                .score();

        assertThat(result.overall()).isNull();
        assertThat(result.dealLevelRedFlag()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = EuAiActTier.class, names = "PROHIBITED", mode = EnumSource.Mode.EXCLUDE)
    void doesNotFireForAnyOtherTier(EuAiActTier tier) {
        ScoringResult result =
                anAssessment().in(context -> context.withEuAiActTier(tier)).score();

        assertThat(result.redFlags()).extracting(RedFlag::rule).doesNotContain("RF1");
        assertThat(result.level()).contains(2);
        assertThat(result.dealLevelRedFlag()).isFalse();
    }
}
