package dev.diligence.domain.scoring;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything the scoring of one assessment produces, immutable. Criteria and dimensions are in
 * framework order (all of them, not-applicable ones included); red flags in rule order.
 *
 * @param frameworkVersion the number of the version scored with
 * @param overall          absent when no dimension has a score
 * @param coverage         overall coverage {@code Σ W·cov / Σ W} over applicable dimensions; absent
 *                         when no dimension is applicable
 */
public record ScoringResult(
        int frameworkVersion,
        List<CriterionResult> criteria,
        List<DimensionResult> dimensions,
        @Nullable OverallResult overall,
        @Nullable BigDecimal coverage,
        List<RedFlag> redFlags) {

    public ScoringResult {
        criteria = List.copyOf(criteria);
        dimensions = List.copyOf(dimensions);
        redFlags = List.copyOf(redFlags);
    }

    public Optional<CriterionResult> criterion(String code) {
        return criteria.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public Optional<DimensionResult> dimension(String code) {
        return dimensions.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** The maturity level; absent when nothing is scored or the level is suppressed (RF1). */
    public Optional<Integer> level() {
        return overall == null ? Optional.empty() : Optional.ofNullable(overall.level());
    }

    /** True when a red flag concerns the whole deal (RF1). */
    public boolean dealLevelRedFlag() {
        return redFlags.stream().anyMatch(RedFlag::dealLevel);
    }

    /** The codes of the criteria not assessed yet ({@code UNKNOWN}), listed instead of a gap. */
    public List<String> notAssessed() {
        return criteria.stream()
                .filter(c -> c.state() == ScoreState.UNKNOWN)
                .map(CriterionResult::code)
                .toList();
    }

    /**
     * The scored criteria below their target, ordered as a fund's remediation ranking orders one
     * company's (clarification 4): highest remediation priority first, then the largest gap, then by
     * criterion code.
     */
    public List<CriterionResult> remediationRanking() {
        return criteria.stream()
                .filter(c -> c.gap() != null && c.gap() > 0)
                .sorted(Comparator.comparing(CriterionResult::priority, Comparator.reverseOrder())
                        .thenComparing(CriterionResult::gap, Comparator.reverseOrder())
                        .thenComparing(CriterionResult::code))
                .toList();
    }
}
