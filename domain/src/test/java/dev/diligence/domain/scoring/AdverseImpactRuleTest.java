package dev.diligence.domain.scoring;

import static dev.diligence.domain.scoring.Assessments.anAssessment;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RF4: lowest impact ratio below 0.8 without documented mitigation; no effect on scores; HIGH, or
 * CRITICAL when EMPLOYMENT or CREDIT is among the sensitive domains.
 */
class AdverseImpactRuleTest {

    private static ScoringResult withRatio(String ratio, Set<SensitiveDomain> domains, boolean mitigated) {
        return anAssessment()
                .in(context -> context.withLowestImpactRatio(new BigDecimal(ratio))
                        .withSensitiveDomains(domains)
                        .withFairnessMitigationDocumented(mitigated))
                .score();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.7999", "0.79999999", "0.5", "0"})
    void firesBelowFourFifths(String ratio) {
        ScoringResult result = withRatio(ratio, Set.of(), false);

        assertThat(result.redFlags()).singleElement().satisfies(flag -> {
            assertThat(flag.rule()).isEqualTo("RF4");
            assertThat(flag.severity()).isEqualTo(Severity.HIGH);
            assertThat(flag.effects()).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.8", "0.80", "0.8000000000", "0.9", "1"})
    void doesNotFireAtOrAboveFourFifths(String ratio) {
        assertThat(withRatio(ratio, Set.of(), false).redFlags()).isEmpty();
    }

    @Test
    void doesNotFireWhenMitigationIsDocumented() {
        assertThat(withRatio("0.6", Set.of(SensitiveDomain.CREDIT), true).redFlags())
                .isEmpty();
    }

    @Test
    void doesNotFireWithoutAMeasuredRatio() {
        ScoringResult result = anAssessment()
                .in(context -> context.withSensitiveDomains(Set.of(SensitiveDomain.EMPLOYMENT)))
                .score();

        assertThat(result.redFlags()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = SensitiveDomain.class,
            names = {"EMPLOYMENT", "CREDIT"})
    void isCriticalForEmploymentAndCreditDecisions(SensitiveDomain domain) {
        ScoringResult result = withRatio("0.7", Set.of(SensitiveDomain.HEALTH, domain), false);

        assertThat(result.redFlags()).extracting(RedFlag::severity).containsExactly(Severity.CRITICAL);
    }

    @ParameterizedTest
    @EnumSource(
            value = SensitiveDomain.class,
            names = {"HEALTH", "INSURANCE", "EDUCATION", "OTHER"})
    void isHighInOtherDomains(SensitiveDomain domain) {
        ScoringResult result = withRatio("0.7", Set.of(domain), false);

        assertThat(result.redFlags()).extracting(RedFlag::severity).containsExactly(Severity.HIGH);
    }

    @Test
    void leavesTheScoresAlone() {
        ScoringResult flagged = withRatio("0.5", Set.of(SensitiveDomain.EMPLOYMENT), false);
        ScoringResult unflagged = withRatio("0.9", Set.of(SensitiveDomain.EMPLOYMENT), false);

        assertThat(flagged.overall()).isEqualTo(unflagged.overall());
        assertThat(flagged.dimensions()).isEqualTo(unflagged.dimensions());
    }
}
