package dev.diligence.domain.scoring;

import static dev.diligence.domain.shared.ViolationAssertions.assertThatViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.diligence.domain.shared.ViolationCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AssessmentContextTest {

    @Test
    void defaultsToNothingInProductionUnclassifiedNoDomainsNoRatioNoMitigation() {
        AssessmentContext context = AssessmentContext.DEFAULT;

        assertThat(context.modelsInProduction()).isFalse();
        assertThat(context.euAiActTier()).isEqualTo(EuAiActTier.UNCLASSIFIED);
        assertThat(context.sensitiveDomains()).isEmpty();
        assertThat(context.lowestImpactRatio()).isNull();
        assertThat(context.fairnessMitigationDocumented()).isFalse();
        assertThat(context.violations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.0001", "1.0001", "2"})
    void rejectsAnImpactRatioOutsideZeroToOne(String ratio) {
        AssessmentContext context = AssessmentContext.DEFAULT.withLowestImpactRatio(new BigDecimal(ratio));

        assertThatViolations(context.violations())
                .containsExactly(tuple(List.of("context", "lowestImpactRatio"), ViolationCode.OUT_OF_RANGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.8", "1", "1.000"})
    void acceptsAnImpactRatioFromZeroToOne(String ratio) {
        assertThat(AssessmentContext.DEFAULT
                        .withLowestImpactRatio(new BigDecimal(ratio))
                        .violations())
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = EuAiActTier.class,
            names = {"HIGH", "PROHIBITED"})
    void isHighStakesForHighRiskOrProhibitedSystems(EuAiActTier tier) {
        assertThat(AssessmentContext.DEFAULT.withEuAiActTier(tier).isHighStakes())
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = EuAiActTier.class,
            names = {"LIMITED", "MINIMAL", "UNCLASSIFIED"})
    void isNotHighStakesForLowerTiersWithoutSensitiveDomains(EuAiActTier tier) {
        assertThat(AssessmentContext.DEFAULT.withEuAiActTier(tier).isHighStakes())
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(SensitiveDomain.class)
    void isHighStakesInAnySensitiveDomain(SensitiveDomain domain) {
        assertThat(AssessmentContext.DEFAULT
                        .withSensitiveDomains(Set.of(domain))
                        .isHighStakes())
                .isTrue();
    }
}
