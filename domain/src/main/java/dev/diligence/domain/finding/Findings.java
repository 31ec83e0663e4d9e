package dev.diligence.domain.finding;

import dev.diligence.domain.assessment.AssessmentId;
import java.util.List;
import java.util.Optional;

/** Port to the findings of the current tenant; another tenant's finding is indistinguishable from a missing one. */
public interface Findings {

    Optional<Finding> find(FindingId id);

    /** Every finding of the assessment, in the order raised. */
    List<Finding> ofAssessment(AssessmentId assessment);

    Finding add(Finding finding);

    /**
     * Stores a changed finding with its version incremented.
     *
     * @throws dev.diligence.domain.shared.RuleViolationException with {@code STALE_VERSION} when the
     *         stored version differs from {@code finding.version()}
     */
    Finding update(Finding finding);

    /** Retires a rule finding that {@link RedFlagFindings} no longer raises: it stays stored, but is no longer found. */
    void retire(FindingId id);
}
