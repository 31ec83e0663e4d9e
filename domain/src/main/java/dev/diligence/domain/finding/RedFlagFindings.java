package dev.diligence.domain.finding;

import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.assessment.AssessmentStatus;
import dev.diligence.domain.scoring.RedFlag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps an assessment's rule findings in step with the red flags it fires. A finding belongs to a
 * flag when they share the rule id and the criterion (RF7 fires once per gated criterion). Rules raise
 * and retire findings only while the assessment is a {@code DRAFT}; in any other status the findings
 * are frozen (an assessment in review cannot change, so its flags cannot either; a published one keeps
 * the findings of its publication for remediation tracking). Assessor findings are never touched.
 */
public final class RedFlagFindings {

    private RedFlagFindings() {}

    /**
     * @param existing every finding of the assessment; only {@code RULE} findings are reconciled
     * @param fired    the red flags of the assessment's current scoring
     */
    public static Reconciliation reconcile(
            AssessmentId assessment,
            AssessmentStatus status,
            List<Finding> existing,
            List<RedFlag> fired,
            Instant now) {
        List<Finding> ruleFindings =
                existing.stream().filter(f -> f.source().isRule()).toList();
        if (status != AssessmentStatus.DRAFT) {
            return Reconciliation.frozen(ruleFindings);
        }
        List<Finding> raise = new ArrayList<>();
        List<Finding> keep = new ArrayList<>();
        for (RedFlag flag : fired) {
            Optional<Finding> match = ruleFindings.stream()
                    .filter(f -> f.raisedFor(flag.rule(), flag.criterion()))
                    .findFirst();
            if (match.isPresent()) {
                keep.add(match.get().withContent(refreshed(match.get().content(), flag)));
            } else {
                raise.add(Finding.raise(
                        assessment, flag.criterion(), contentOf(flag), FindingSource.rule(flag.rule()), now));
            }
        }
        List<Finding> retire = ruleFindings.stream()
                .filter(f -> keep.stream().noneMatch(k -> k.id().equals(f.id())))
                .toList();
        return new Reconciliation(raise, keep, retire);
    }

    /** The content of the finding a flag raises: the rule and criterion as title, the explanation as description. */
    static FindingContent contentOf(RedFlag flag) {
        String title = "Red flag " + flag.rule() + (flag.criterion() == null ? "" : " on " + flag.criterion());
        return FindingContent.of(title, flag.explanation(), Severity.of(flag.severity()));
    }

    /** The flag decides severity and explanation; the owner, due date, plan and references people set stay. */
    private static FindingContent refreshed(FindingContent content, RedFlag flag) {
        FindingContent fresh = contentOf(flag);
        return new FindingContent(
                content.title(),
                fresh.description(),
                fresh.severity(),
                content.owner(),
                content.dueDate(),
                content.remediationPlan(),
                content.references());
    }
}
