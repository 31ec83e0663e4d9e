package dev.diligence.domain.finding;

import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Text;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A finding on an assessment, optionally about one criterion. Invariants: the status moves only along
 * {@link FindingStatus#next}; {@code closedAt} and {@code closingNote} are present exactly when the
 * status is closed (the resolution note, or the justification of an accepted risk); {@code openedAt}
 * is when it was first raised and never changes, so time-to-resolve counts from then. Status moves
 * are allowed whatever the assessment's status (remediation is tracked after publication).
 */
public record Finding(
        FindingId id,
        AssessmentId assessment,
        @Nullable String criterion,
        FindingContent content,
        FindingSource source,
        FindingStatus status,
        Instant openedAt,
        @Nullable Instant closedAt,
        @Nullable String closingNote,
        long version) {

    public static final int NOTE_MAX_LENGTH = 10_000;

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
        if (status.isClosed() != (closedAt != null && closingNote != null)) {
            throw new IllegalArgumentException("a closing time and note belong to closed findings only");
        }
    }

    /** A new open finding raised by {@code source}, if its content is valid. */
    public static Finding raise(
            AssessmentId assessment,
            @Nullable String criterion,
            FindingContent content,
            FindingSource source,
            Instant now) {
        RuleViolationException.throwIfAny(content.violations());
        return new Finding(
                FindingId.random(),
                assessment,
                criterion,
                content.stripped(),
                source,
                FindingStatus.OPEN,
                now,
                null,
                null,
                0);
    }

    public Finding startRemediation() {
        return moved(FindingStatus.IN_REMEDIATION, null, null);
    }

    /** Resolved, with a required note on how. */
    public Finding resolve(String note, Instant now) {
        return moved(FindingStatus.RESOLVED, now, requireNote(note, "resolutionNote"));
    }

    /**
     * The risk accepted, with a required justification. Only a tenant administrator may accept a risk:
     * the application layer checks the role, and states the result in {@code actorIsTenantAdmin}; the
     * domain refuses when it is false, so no caller accepts a risk without having checked.
     */
    public Finding acceptRisk(boolean actorIsTenantAdmin, String justification, Instant now) {
        if (!actorIsTenantAdmin) {
            throw new RuleViolationException(
                    Violation.general(ViolationCode.INVALID, "only a tenant administrator may accept a risk"));
        }
        return moved(FindingStatus.ACCEPTED_RISK, now, requireNote(justification, "justification"));
    }

    /** Open again, from remediation, resolution or an accepted risk; the closing is forgotten. */
    public Finding reopen() {
        return moved(FindingStatus.OPEN, null, null);
    }

    /** From first raised to resolved; absent unless the finding is resolved (an accepted risk is not resolved). */
    public Optional<Duration> timeToResolve() {
        return status == FindingStatus.RESOLVED && closedAt != null
                ? Optional.of(Duration.between(openedAt, closedAt))
                : Optional.empty();
    }

    /** Same rule, same criterion: the identity a red-flag reconciliation matches on. */
    boolean raisedFor(String ruleId, @Nullable String criterionCode) {
        return ruleId.equals(source.ruleId()) && Objects.equals(criterion, criterionCode);
    }

    /**
     * This finding with new content, in any status. A rule finding's title, description and severity
     * belong to its rule (reconciliation refreshes them); people set only its owner, due date, plan
     * and references.
     */
    public Finding revise(FindingContent newContent) {
        RuleViolationException.throwIfAny(newContent.violations());
        if (source.isRule()
                && (!newContent.title().strip().equals(content.title())
                        || !newContent.description().strip().equals(content.description())
                        || newContent.severity() != content.severity())) {
            throw new RuleViolationException(
                    Violation.general(
                            ViolationCode.INVALID,
                            "the title, description and severity of a finding raised by rule " + source.ruleId()
                                    + " come from the rule; only its owner, due date, remediation plan and references can change"));
        }
        return withContent(newContent.stripped());
    }

    Finding withContent(FindingContent newContent) {
        return new Finding(
                id, assessment, criterion, newContent, source, status, openedAt, closedAt, closingNote, version);
    }

    /** Fails with {@code STALE_VERSION} unless {@code expectedVersion} is the current version. */
    public void requireVersion(long expectedVersion) {
        if (expectedVersion != version) {
            throw new RuleViolationException(Violation.of(
                    "expectedVersion",
                    ViolationCode.STALE_VERSION,
                    "the finding was changed since version " + expectedVersion + "; its current version is "
                            + version));
        }
    }

    private Finding moved(FindingStatus target, @Nullable Instant newClosedAt, @Nullable String note) {
        if (!status.canMoveTo(target)) {
            throw new RuleViolationException(Violation.general(
                    ViolationCode.INVALID_STATE,
                    "a finding cannot move from " + status + " to " + target + "; allowed: " + status.next()));
        }
        return new Finding(id, assessment, criterion, content, source, target, openedAt, newClosedAt, note, version);
    }

    private static String requireNote(@Nullable String note, String field) {
        List<Violation> violations = new ArrayList<>();
        Text.requireName(note, field, NOTE_MAX_LENGTH, violations);
        RuleViolationException.throwIfAny(violations);
        return Objects.requireNonNull(note).strip();
    }
}
