package dev.diligence.domain.scoring;

import dev.diligence.domain.framework.Dimension;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Steps 2 to 5 for one dimension: score {@code D = Σ w·e / Σ w} over scored criteria, coverage
 * {@code Σ_scored w / Σ_applicable w}, confidence {@code Σ w·k / Σ w} over scored criteria, then the
 * lowest red-flag cap on the dimension, which only applies when it is below the score.
 */
final class DimensionScoring {

    static final BigDecimal PROVISIONAL_BELOW = new BigDecimal("0.7");

    private DimensionScoring() {}

    static DimensionResult score(Dimension dimension, List<CriterionResult> allCriteria, List<RedFlag> flags) {
        List<CriterionResult> criteria = allCriteria.stream()
                .filter(c -> c.dimension().equals(dimension.code()))
                .toList();
        List<CriterionResult> applicable =
                criteria.stream().filter(CriterionResult::isApplicable).toList();
        if (applicable.isEmpty()) {
            return DimensionResult.notApplicable(dimension.code(), dimension.weight());
        }
        List<CriterionResult> scored =
                applicable.stream().filter(CriterionResult::isScored).toList();
        BigDecimal scoredWeight =
                sum(scored.stream().map(CriterionResult::weight).toList());
        BigDecimal coverage = ScoringMath.divide(
                scoredWeight,
                sum(applicable.stream().map(CriterionResult::weight).toList()));
        boolean provisional = coverage.compareTo(PROVISIONAL_BELOW) < 0;
        if (scored.isEmpty()) {
            return new DimensionResult(
                    dimension.code(), dimension.weight(), true, null, null, null, coverage, provisional, null);
        }
        BigDecimal uncapped = ScoringMath.divide(
                sum(scored.stream()
                        .map(c -> c.weight().multiply(BigDecimal.valueOf(c.effectiveLevel())))
                        .toList()),
                scoredWeight);
        BigDecimal confidence = ScoringMath.divide(
                sum(scored.stream()
                        .map(c -> c.weight().multiply(c.confidence().factor()))
                        .toList()),
                scoredWeight);
        Optional<Cap> cap =
                lowestCap(dimension.code(), flags).filter(c -> c.value().compareTo(uncapped) < 0);
        return new DimensionResult(
                dimension.code(),
                dimension.weight(),
                true,
                cap.map(c -> ScoringMath.exact(c.value())).orElse(uncapped),
                uncapped,
                cap.map(Cap::rule).orElse(null),
                coverage,
                provisional,
                confidence);
    }

    /** The lowest cap any flag puts on {@code dimension}; on equal caps the first rule wins. */
    private static Optional<Cap> lowestCap(String dimension, List<RedFlag> flags) {
        return flags.stream()
                .flatMap(flag -> flag.effects().stream()
                        .filter(RedFlagEffect.DimensionCap.class::isInstance)
                        .map(RedFlagEffect.DimensionCap.class::cast)
                        .filter(cap -> cap.dimension().equals(dimension))
                        .map(cap -> new Cap(flag.rule(), cap.cap())))
                .min(Comparator.comparing(Cap::value));
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private record Cap(String rule, BigDecimal value) {}
}
