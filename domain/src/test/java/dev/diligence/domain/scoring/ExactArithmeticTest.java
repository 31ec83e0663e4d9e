package dev.diligence.domain.scoring;

import static dev.diligence.domain.scoring.Assessments.anAssessment;
import static dev.diligence.domain.scoring.Assessments.anUnscoredAssessment;
import static dev.diligence.domain.scoring.Assessments.d;
import static dev.diligence.domain.scoring.Assessments.derivedFromV1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.framework.FrameworkVersion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Decimal arithmetic where floating point gets levels wrong; divisions rounded to 10 places, half even. */
class ExactArithmeticTest {

    @Test
    void aDimensionAtLevelThreeScoresExactlyThree() {
        // in double, 0.35·3 + 0.30·3 + 0.35·3 = 1.0499999999999998 + 0.8999999999999999 + 1.0499999999999998
        double floatingSum = 0.35 * 3 + 0.30 * 3 + 0.35 * 3;
        assertThat(floatingSum).isLessThan(3.0);
        assertThat((int) Math.floor(floatingSum)).isEqualTo(2);

        ScoringResult result = anAssessment()
                .scored("C1.1", 3)
                .scored("C1.2", 3)
                .scored("C1.3", 3)
                .score();

        assertThat(result.dimension("D1").orElseThrow().score()).isEqualTo(d("3.0000000000"));
        assertThat(ScoringMath.floor(result.dimension("D1").orElseThrow().score()))
                .isEqualTo(3);
    }

    @Test
    void getsTheLevelRightWhereFloatingPointLosesOne() {
        // everything at 4 except D2: C2.1 3, C2.2 3, C2.3 0, C2.4 1
        // exact: D2 = 0.30·3 + 0.30·3 + 0.20·0 + 0.20·1 = 2.0;  O = 0.8 + 0.5 + 1.0 + 1.2 = 3.5;  F = 2.0
        //        L = min(⌊3.5⌋, ⌊2.0⌋ + 1) = min(3, 3) = 3
        // double: D2 = 1.9999999999999998, so ⌊F⌋ + 1 = 2 and the level would come out 2
        double floatingD2 = (0.30 * 3 + 0.30 * 3 + 0.20 * 0 + 0.20 * 1) / (0.30 + 0.30 + 0.20 + 0.20);
        double floatingO = (0.20 * 4 + 0.25 * floatingD2 + 0.25 * 4 + 0.30 * 4) / (0.20 + 0.25 + 0.25 + 0.30);
        int floatingLevel = Math.min((int) Math.floor(floatingO), (int) Math.floor(floatingD2) + 1);
        assertThat(floatingD2).isLessThan(2.0);
        assertThat(floatingLevel).isEqualTo(2);

        ScoringResult result = anAssessment()
                .allScored(4)
                .scored("C2.1", 3)
                .scored("C2.2", 3)
                .scored("C2.3", 0)
                .scored("C2.4", 1)
                .score();

        assertThat(result.dimension("D2").orElseThrow().score()).isEqualTo(d("2.0000000000"));
        assertThat(result.overall().score()).isEqualTo(d("3.5000000000"));
        assertThat(result.overall().floor()).isEqualTo(d("2.0000000000"));
        assertThat(result.level()).contains(3);
    }

    @Test
    void roundsDivisionsHalfEvenAtTenPlaces() {
        // weights C1.1 0.2047, C1.2 0.0001, C1.3 0.7952; C1.3 not assessed, so Σw = 0.2048 = 2^11 / 10^4
        // C1.2 at 1: D1 = 0.0001 / 0.2048 = 0.00048828125 → tie → even: 0.0004882812 (half up would give ...813)
        // C1.2 at 3: D1 = 0.0003 / 0.2048 = 0.00146484375 → tie → even: 0.0014648438
        FrameworkVersion derived = derivedFromV1(Map.of("C1.1", "0.2047", "C1.2", "0.0001", "C1.3", "0.7952"));

        BigDecimal down = anAssessment()
                .under(derived)
                .scored("C1.1", 0)
                .scored("C1.2", 1)
                .unknown("C1.3")
                .score()
                .dimension("D1")
                .orElseThrow()
                .score();
        BigDecimal up = anAssessment()
                .under(derived)
                .scored("C1.1", 0)
                .scored("C1.2", 3)
                .unknown("C1.3")
                .score()
                .dimension("D1")
                .orElseThrow()
                .score();

        assertThat(new BigDecimal("0.0001").divide(new BigDecimal("0.2048"), 10, RoundingMode.HALF_UP))
                .isEqualTo(d("0.0004882813"));
        assertThat(down).isEqualTo(d("0.0004882812"));
        assertThat(up).isEqualTo(d("0.0014648438"));
    }

    @Test
    void floorsTheRoundedValue() {
        assertThat(ScoringMath.floor(d("2.9999999999"))).isEqualTo(2);
        assertThat(ScoringMath.floor(d("3.0000000000"))).isEqualTo(3);
        assertThat(ScoringMath.floor(ScoringMath.divide(d("2.99999999999"), BigDecimal.ONE)))
                .isEqualTo(3);
    }

    @Test
    void reportsEveryNumberWithTenDecimalPlaces() {
        ScoringResult result = anAssessment()
                .unknown("C1.1")
                .scored("C2.2", 4, Confidence.MEDIUM)
                .scored("C4.2", 0)
                .notApplicable("C3.3")
                .in(context -> context.withEuAiActTier(EuAiActTier.HIGH))
                .score();

        assertThat(numbersOf(result))
                .isNotEmpty()
                .allSatisfy(number -> assertThat(number.scale()).isEqualTo(10));
    }

    @Test
    void reportsZeroCoverageWithTenDecimalPlaces() {
        assertThat(anUnscoredAssessment().score().coverage()).isEqualTo(d("0.0000000000"));
    }

    private static List<BigDecimal> numbersOf(ScoringResult result) {
        List<@Nullable BigDecimal> numbers = new ArrayList<>();
        result.criteria().forEach(criterion -> numbers.add(criterion.priority()));
        result.dimensions()
                .forEach(dimension -> numbers.addAll(Arrays.asList(
                        dimension.score(), dimension.uncappedScore(), dimension.coverage(), dimension.confidence())));
        OverallResult overall = result.overall();
        numbers.addAll(List.of(overall.score(), overall.percentage(), overall.floor(), overall.confidence()));
        numbers.add(result.coverage());
        return numbers.stream().filter(Objects::nonNull).toList();
    }
}
