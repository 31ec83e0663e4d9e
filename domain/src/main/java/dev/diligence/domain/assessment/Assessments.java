package dev.diligence.domain.assessment;

import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.scoring.ScoringResult;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port to the assessments of the current tenant. Implementations only ever see the current tenant's
 * assessments; another tenant's is indistinguishable from one that does not exist.
 */
public interface Assessments {

    Optional<Assessment> find(AssessmentId id);

    /** The assessments with these ids that exist, in no particular order. */
    List<Assessment> findAll(Collection<AssessmentId> ids);

    /** Stores a new assessment and returns it as stored. */
    Assessment add(Assessment assessment);

    /**
     * Stores a changed assessment and returns it as stored, with its version incremented.
     *
     * @throws dev.diligence.domain.shared.RuleViolationException with {@code STALE_VERSION} when the
     *         stored version differs from {@code assessment.version()}
     */
    Assessment update(Assessment assessment);

    /**
     * Stores the score of an unpublished assessment's current inputs (its headline and dimension
     * numbers, as {@link StoredScore} holds them), replacing the one of its last save, so that reads
     * show it without scoring. Contract: called after every {@link #add} or {@link #update} of an
     * unpublished assessment, in the same transaction; an update clears the stored score, so a score
     * not stored again is absent, never stale. No effect on a published or retracted assessment,
     * whose result was stored at publication and never changes.
     */
    void storeWorkingScore(AssessmentId id, ScoringResult score);

    /** The company's latest published, non-retracted assessment, as {@link LatestPublished#of} chooses it. */
    Optional<Assessment> latestPublished(CompanyId company);

    /** Every assessment of the company, in any status, newest first. */
    List<Assessment> ofCompany(CompanyId company);

    /** {@link #ofCompany} for many companies at once; every company given is a key, with an empty list when it has none. */
    Map<CompanyId, List<Assessment>> ofCompanies(Collection<CompanyId> companies);

    /**
     * A page of each company's assessments, in any status, newest first ({@link AssessmentCursors}), the
     * same page window applied to each, in a fixed number of statements; every company given is a key,
     * with an empty slice when it has none.
     */
    Map<CompanyId, Slice<Assessment>> pageByCompany(Collection<CompanyId> companies, PageQuery page);

    /** The number of assessments of each company, in one statement; every company given is a key. */
    Map<CompanyId, Long> countByCompany(Collection<CompanyId> companies);
}
