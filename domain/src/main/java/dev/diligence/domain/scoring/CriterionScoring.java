package dev.diligence.domain.scoring;

import dev.diligence.domain.framework.Criterion;
import dev.diligence.domain.framework.Dimension;
import dev.diligence.domain.framework.FrameworkVersion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Step 1 (effective levels) and the targets, gaps and priorities of every criterion, in framework order. */
final class CriterionScoring {

    private CriterionScoring() {}

    /** A criterion without an entry in {@code scores} is {@code UNKNOWN}; the scores are valid. */
    static List<CriterionResult> score(
            FrameworkVersion version, AssessmentContext context, Map<String, CriterionScore> scores) {
        List<CriterionResult> results = new ArrayList<>();
        for (Dimension dimension : version.dimensions()) {
            for (Criterion criterion : dimension.criteria()) {
                CriterionScore score = scores.getOrDefault(criterion.code(), CriterionScore.unknown());
                results.add(score(dimension, criterion, score, context));
            }
        }
        return List.copyOf(results);
    }

    private static CriterionResult score(
            Dimension dimension, Criterion criterion, CriterionScore score, AssessmentContext context) {
        boolean explicitTarget = score.targetLevel() != null;
        int target = explicitTarget ? score.targetLevel() : DefaultTargets.targetFor(criterion.code(), context);
        Integer effective = null;
        Integer gap = null;
        BigDecimal priority = null;
        if (score.isScored()) {
            effective = EvidenceGate.effectiveLevel(score);
            gap = Math.max(0, target - effective);
            priority = ScoringMath.exact(
                    BigDecimal.valueOf(gap).multiply(criterion.weight()).multiply(dimension.weight()));
        }
        return new CriterionResult(
                criterion.code(),
                dimension.code(),
                criterion.weight(),
                dimension.weight(),
                score.state(),
                score.isScored() ? score.level() : null,
                effective,
                EvidenceGate.isGated(score),
                score.isScored() ? score.confidence() : null,
                target,
                explicitTarget,
                gap,
                priority);
    }
}
