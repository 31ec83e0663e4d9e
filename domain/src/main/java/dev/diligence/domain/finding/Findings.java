package dev.diligence.domain.finding;

import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Port to the findings of the current tenant; another tenant's finding is indistinguishable from a missing one. */
public interface Findings {

    Optional<Finding> find(FindingId id);

    /** {@link #find} for many ids at once, in no particular order; ids of nothing (or of retired findings) are left out. */
    List<Finding> findAll(Collection<FindingId> ids);

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

    /** {@link #ofAssessment} for many assessments at once; every assessment given is a key. */
    Map<AssessmentId, List<Finding>> ofAssessments(Collection<AssessmentId> assessments);

    /** A page of the findings matching {@code filter}, in the order raised ({@link FindingOrder}). */
    Slice<Finding> page(FindingFilter filter, PageQuery page);

    long count(FindingFilter filter);

    /**
     * Hands every finding matching {@code filter} to {@code action}, in the order raised, as they are
     * read: all of them in one statement, held in memory a batch at a time (for exports of any size).
     */
    void forEach(FindingFilter filter, Consumer<Finding> action);

    /** How many findings match {@code filter}, per severity; every severity is a key. */
    Map<Severity, Long> countBySeverity(FindingFilter filter);

    /** Retires a rule finding that {@link RedFlagFindings} no longer raises: it stays stored, but is no longer found. */
    void retire(FindingId id);
}
