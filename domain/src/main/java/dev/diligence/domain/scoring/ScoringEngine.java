package dev.diligence.domain.scoring;

import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.framework.RedFlagRuleSetId;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Scores an assessment under a framework version, exactly as {@code docs/framework.md} defines it:
 * effective levels (step 1), red flags, dimension scores, coverage, confidence and caps (steps 2-5),
 * overall score, floor and level (steps 6-7), targets, gaps and priorities. Pure: the same inputs
 * always give the same, digit for digit, result.
 */
public final class ScoringEngine {

    private final Function<RedFlagRuleSetId, RedFlagRuleSet> ruleSets;

    /** An engine with the rule sets this code knows ({@link RedFlagRuleSets}). */
    public ScoringEngine() {
        this(RedFlagRuleSets::forId);
    }

    ScoringEngine(Function<RedFlagRuleSetId, RedFlagRuleSet> ruleSets) {
        this.ruleSets = ruleSets;
    }

    /**
     * @param scores the recorded scores by criterion code; a criterion without one is {@code UNKNOWN}
     * @throws RuleViolationException when the context or a score is invalid, or a score names a
     *         criterion the version does not have (see {@link #violations})
     */
    public ScoringResult score(
            FrameworkVersion version, AssessmentContext context, Map<String, CriterionScore> scores) {
        RuleViolationException.throwIfAny(violations(version, context, scores));
        RedFlagRuleSet rules = ruleSets.apply(version.redFlagRuleSet());
        List<CriterionResult> criteria = CriterionScoring.score(version, context, scores);
        List<RedFlag> flags = rules.evaluate(new ScoringFacts(context, criteria));
        List<DimensionResult> dimensions = version.dimensions().stream()
                .map(dimension -> DimensionScoring.score(dimension, criteria, flags))
                .toList();
        OverallResult overall = OverallScoring.score(dimensions, flags).orElse(null);
        BigDecimal coverage = OverallScoring.coverage(dimensions).orElse(null);
        return new ScoringResult(version.number(), criteria, dimensions, overall, coverage, flags);
    }

    /**
     * Every rule the inputs break: context attributes at {@code ["context", attribute]}, scores at
     * {@code ["scores", criterionCode, attribute]}, unknown criteria at {@code ["scores", code]}.
     */
    public List<Violation> violations(
            FrameworkVersion version, AssessmentContext context, Map<String, CriterionScore> scores) {
        List<Violation> out = new ArrayList<>(context.violations());
        new TreeMap<>(scores).forEach((code, score) -> {
            if (version.criterion(code).isEmpty()) {
                out.add(new Violation(
                        List.of("scores", code),
                        ViolationCode.NOT_FOUND,
                        "framework version " + version.number() + " has no criterion " + code));
            } else {
                out.addAll(score.violations(List.of("scores", code)));
            }
        });
        return out;
    }
}
