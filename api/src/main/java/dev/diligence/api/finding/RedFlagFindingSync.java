package dev.diligence.api.finding;

import dev.diligence.api.audit.AuditRecorder;
import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.finding.Finding;
import dev.diligence.domain.finding.FindingId;
import dev.diligence.domain.finding.Findings;
import dev.diligence.domain.finding.Reconciliation;
import dev.diligence.domain.finding.RedFlagFindings;
import dev.diligence.domain.scoring.ScoringResult;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps an assessment's rule findings in step with the red flags its current scores fire, as
 * {@link RedFlagFindings} decides (only drafts change; everything else is frozen), and records each
 * raised, refreshed and retired finding in the audit trail under the mutation that caused it. Runs
 * inside the changing service's transaction, after the assessment was stored.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class RedFlagFindingSync {

    private final Findings findings;
    private final AuditRecorder audit;
    private final Clock clock;

    RedFlagFindingSync(Findings findings, AuditRecorder audit, Clock clock) {
        this.findings = findings;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param assessment the assessment as stored
     * @param score      its current scoring
     * @param action     the mutation that changed the assessment, recorded as the action of each finding change
     */
    public void reconcile(Assessment assessment, ScoringResult score, String action) {
        List<Finding> existing = findings.ofAssessment(assessment.id());
        Reconciliation reconciliation = RedFlagFindings.reconcile(
                assessment.id(), assessment.status(), existing, score.redFlags(), clock.instant());
        for (Finding raised : reconciliation.raise()) {
            Finding stored = findings.add(raised);
            audit.record(action, FindingView.TYPE, stored.id().value(), null, FindingView.of(stored));
        }
        Map<FindingId, Finding> before = existing.stream().collect(Collectors.toMap(Finding::id, Function.identity()));
        for (Finding kept : reconciliation.keep()) {
            Finding previous = before.get(kept.id());
            if (!kept.content().equals(previous.content())) {
                Finding stored = findings.update(kept);
                audit.record(
                        action,
                        FindingView.TYPE,
                        stored.id().value(),
                        FindingView.of(previous),
                        FindingView.of(stored));
            }
        }
        for (Finding retired : reconciliation.retire()) {
            findings.retire(retired.id());
            audit.record(action, FindingView.TYPE, retired.id().value(), FindingView.of(retired), null);
        }
    }
}
