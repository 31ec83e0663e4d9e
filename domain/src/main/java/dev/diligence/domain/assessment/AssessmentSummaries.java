package dev.diligence.domain.assessment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Read-side port: assessments of the current tenant as {@link AssessmentSummary summaries}, each
 * call one statement whatever the number of ids. Like {@link Assessments}, another tenant's
 * assessment is indistinguishable from one that does not exist.
 */
public interface AssessmentSummaries {

    /** The summaries of the assessments with these ids that exist, in no particular order. */
    List<AssessmentSummary> findAll(Collection<AssessmentId> ids);

    /** The summary of the assessment with this id, if it exists, with its company, in the same statement. */
    Optional<SummaryWithCompany> findWithCompany(AssessmentId id);
}
