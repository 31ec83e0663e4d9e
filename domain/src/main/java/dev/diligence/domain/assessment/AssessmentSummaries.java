package dev.diligence.domain.assessment;

import dev.diligence.domain.company.CompanyId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    /**
     * Each company's latest published, non-retracted assessment, chosen as {@link LatestPublished#of}
     * chooses it; companies without one are not keys.
     */
    Map<CompanyId, AssessmentSummary> latestPublished(Collection<CompanyId> companies);
}
