package dev.diligence.domain.assessment;

import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two assessments of the same company compared criterion by criterion, in any status and in either
 * order. Invariant: {@code criteria} lists every criterion code of either assessment once, in the
 * order of {@code before}, then codes only {@code after} has; both sides come from the recorded
 * scores (effective levels through the evidence gate), not from stored results.
 */
public record AssessmentDiff(AssessmentId before, AssessmentId after, List<CriterionChange> criteria) {

    public AssessmentDiff {
        criteria = List.copyOf(criteria);
    }

    /** Refused with {@code INVALID} when the two assessments are of different companies. */
    public static AssessmentDiff between(Assessment before, Assessment after) {
        if (!before.company().equals(after.company())) {
            throw new RuleViolationException(Violation.general(
                    ViolationCode.INVALID, "only two assessments of the same company can be compared"));
        }
        Map<String, CriterionScore> left = before.criteria().scores();
        Map<String, CriterionScore> right = after.criteria().scores();
        Set<String> codes = new LinkedHashSet<>(left.keySet());
        codes.addAll(right.keySet());
        return new AssessmentDiff(
                before.id(),
                after.id(),
                codes.stream()
                        .map(code -> CriterionChange.of(code, left.get(code), right.get(code)))
                        .toList());
    }

    /** Only the criteria that differ. */
    public List<CriterionChange> changes() {
        return criteria.stream().filter(CriterionChange::changed).toList();
    }
}
