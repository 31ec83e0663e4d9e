package dev.diligence.domain.scoring;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Steps 6 and 7: the overall score {@code O = Σ W·D / Σ W} and floor {@code F = min D} over the
 * dimensions that have a (capped) score, the overall coverage over applicable dimensions, the overall
 * confidence over scored dimensions, and the level {@code L = min(⌊O⌋, ⌊F⌋ + 1)} lowered by the
 * level caps of red flags, or suppressed. The rule named as capping the level is the lowest-numbered
 * firing rule whose cap is below {@code min(⌊O⌋, ⌊F⌋ + 1)}, so lowered the level (clarification 5); none
 * when no cap lowered it or the level is suppressed. Under suppression the uncapped level is still given.
 */
final class OverallScoring {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private OverallScoring() {}

    /** Absent when no dimension has a score. */
    static Optional<OverallResult> score(List<DimensionResult> dimensions, List<RedFlag> flags) {
        List<DimensionResult> scored =
                dimensions.stream().filter(DimensionResult::hasScore).toList();
        if (scored.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal score = weightedMean(scored, DimensionResult::score);
        BigDecimal percentage = ScoringMath.divide(HUNDRED.multiply(score), FOUR);
        BigDecimal floor = scored.stream()
                .map(DimensionResult::score)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        BigDecimal confidence = weightedMean(scored, DimensionResult::confidence);
        int uncappedLevel = Math.min(ScoringMath.floor(score), ScoringMath.floor(floor) + 1);
        boolean suppressed = flags.stream()
                .flatMap(f -> f.effects().stream())
                .anyMatch(RedFlagEffect.LevelSuppression.class::isInstance);
        List<LevelCap> lowering =
                levelCaps(flags).stream().filter(c -> c.value() < uncappedLevel).toList();
        Integer level = suppressed
                ? null
                : lowering.stream().mapToInt(LevelCap::value).min().orElse(uncappedLevel);
        String cappedBy = suppressed
                ? null
                : lowering.stream()
                        .min(Comparator.comparing(LevelCap::rule, RULE_NUMBER_ORDER))
                        .map(LevelCap::rule)
                        .orElse(null);
        return Optional.of(
                new OverallResult(score, percentage, floor, confidence, uncappedLevel, level, cappedBy, suppressed));
    }

    /** {@code Σ W·cov / Σ W} over applicable dimensions; absent when every dimension is not applicable. */
    static Optional<BigDecimal> coverage(List<DimensionResult> dimensions) {
        List<DimensionResult> applicable =
                dimensions.stream().filter(DimensionResult::applicable).toList();
        return applicable.isEmpty()
                ? Optional.empty()
                : Optional.of(weightedMean(applicable, DimensionResult::coverage));
    }

    private static BigDecimal weightedMean(
            List<DimensionResult> dimensions, Function<DimensionResult, BigDecimal> value) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (DimensionResult dimension : dimensions) {
            weighted = weighted.add(dimension.weight().multiply(value.apply(dimension)));
            weights = weights.add(dimension.weight());
        }
        return ScoringMath.divide(weighted, weights);
    }

    /** The level caps of every flag that fired, in rule order. */
    private static List<LevelCap> levelCaps(List<RedFlag> flags) {
        return flags.stream()
                .flatMap(flag -> flag.effects().stream()
                        .filter(RedFlagEffect.LevelCap.class::isInstance)
                        .map(e -> new LevelCap(flag.rule(), ((RedFlagEffect.LevelCap) e).cap())))
                .toList();
    }

    /** Rule ids by their number ("RF2" before "RF10"), then as text. */
    static final Comparator<String> RULE_NUMBER_ORDER =
            Comparator.comparingLong(OverallScoring::ruleNumber).thenComparing(Comparator.naturalOrder());

    private static long ruleNumber(String rule) {
        int start = rule.length();
        while (start > 0 && Character.isDigit(rule.charAt(start - 1)) && rule.length() - start < 18) {
            start--;
        }
        return start == rule.length() ? Long.MAX_VALUE : Long.parseLong(rule.substring(start));
    }

    private record LevelCap(String rule, int value) {}
}
