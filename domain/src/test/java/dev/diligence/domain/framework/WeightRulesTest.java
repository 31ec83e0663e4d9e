package dev.diligence.domain.framework;

import static dev.diligence.domain.shared.ViolationAssertions.assertThatViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Weights: at most 4 decimal places, positive, summing to exactly 1 per level, compared as decimals. */
class WeightRulesTest {

    /** The violations of version 1's weights with {@code changes} applied. */
    private static List<Violation> violationsWith(Map<String, String> changes) {
        return WeightRules.violations(FrameworkV1.VERSION.dimensions().stream()
                .map(d -> d.withWeights(decimals(changes)))
                .toList());
    }

    private static Map<String, BigDecimal> decimals(Map<String, String> weights) {
        return weights.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new BigDecimal(e.getValue())));
    }

    private static Tuple weight(String code, ViolationCode violation) {
        return tuple(List.of("weights", code), violation);
    }

    @Test
    void acceptsTheWeightsOfVersionOne() {
        assertThat(WeightRules.violations(FrameworkV1.VERSION.dimensions())).isEmpty();
    }

    @Test
    void acceptsDimensionWeightsSummingToExactlyOne() {
        assertThat(violationsWith(Map.of("D1", "0.1", "D2", "0.2", "D3", "0.3", "D4", "0.4")))
                .isEmpty();
        assertThat(violationsWith(Map.of("D1", "0.2500", "D2", "0.2500", "D3", "0.25", "D4", "0.25")))
                .isEmpty();
    }

    @Test
    void acceptsTrailingZerosBeyondFourPlaces() {
        assertThat(violationsWith(Map.of("D1", "0.200000"))).isEmpty();
    }

    @Test
    @DisplayName("Clarification 9: a weight has at most 4 decimal places once trailing zeros are removed")
    void clarification9PlacesAreCountedWithoutTrailingZeros() {
        // D1 0.20010 is 0.2001 (4 places), D2 0.249900000 is 0.2499 (4 places): accepted, and they sum to 1 with D3 and
        // D4
        assertThat(violationsWith(Map.of("D1", "0.20010", "D2", "0.249900000", "D3", "0.25000", "D4", "0.30000")))
                .isEmpty();
        assertThat(violationsWith(Map.of("C2.1", "0.50000", "C2.2", "0.10000", "C2.3", "0.2000", "C2.4", "0.2")))
                .isEmpty();
        // 0.200010 is 0.20001 (5 places) however it is written
        assertThatViolations(violationsWith(Map.of("D1", "0.200010", "D2", "0.249990")))
                .containsExactly(weight("D1", ViolationCode.INVALID), weight("D2", ViolationCode.INVALID));
    }

    @Test
    void rejectsDimensionWeightsSummingToAlmostOne() {
        assertThatViolations(violationsWith(Map.of("D1", "0.1999")))
                .containsExactly(tuple(List.of("weights"), ViolationCode.INVALID));
    }

    @Test
    void rejectsASumOf099999() {
        // 0.19999 has 5 places, and 0.19999 + 0.25 + 0.25 + 0.30 = 0.99999
        assertThatViolations(violationsWith(Map.of("D1", "0.19999")))
                .containsExactly(weight("D1", ViolationCode.INVALID), tuple(List.of("weights"), ViolationCode.INVALID));
    }

    @Test
    void rejectsFiveDecimalPlacesEvenWhenTheSumIsOne() {
        assertThatViolations(violationsWith(Map.of("D1", "0.20001", "D2", "0.24999")))
                .containsExactly(weight("D1", ViolationCode.INVALID), weight("D2", ViolationCode.INVALID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0000", "0E-10"})
    void rejectsAZeroWeightEvenWhenTheSumIsOne(String zero) {
        assertThatViolations(violationsWith(Map.of("C2.1", zero, "C2.2", "0.60")))
                .containsExactly(weight("C2.1", ViolationCode.OUT_OF_RANGE));
    }

    @Test
    void rejectsANegativeWeightEvenWhenTheSumIsOne() {
        // -0.1 + 0.7 + 0.2 + 0.2 = 1
        assertThatViolations(violationsWith(Map.of("C2.1", "-0.1", "C2.2", "0.7")))
                .containsExactly(weight("C2.1", ViolationCode.OUT_OF_RANGE));
    }

    @Test
    void rejectsCriterionWeightsOfADimensionNotSummingToOne() {
        assertThatViolations(violationsWith(Map.of("C2.1", "0.31")))
                .containsExactly(tuple(List.of("weights", "D2", "criteria"), ViolationCode.INVALID));
    }

    @Test
    void rejectsWeightsSummingToMoreThanOne() {
        assertThatViolations(violationsWith(Map.of("D4", "0.3001", "C4.4", "0.2501")))
                .containsExactly(
                        tuple(List.of("weights"), ViolationCode.INVALID),
                        tuple(List.of("weights", "D4", "criteria"), ViolationCode.INVALID));
    }

    @Test
    void comparesSumsAsDecimalsNotFloatingPoint() {
        // version 1's own D1 criteria: 0.35 + 0.30 + 0.35 is 0.9999999999999999 in double, exactly 1 as decimals
        assertThat(0.35 + 0.30 + 0.35).isNotEqualTo(1.0);
        assertThat(violationsWith(Map.of("C1.1", "0.35", "C1.2", "0.30", "C1.3", "0.35")))
                .isEmpty();
    }
}
