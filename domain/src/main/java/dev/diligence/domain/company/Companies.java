package dev.diligence.domain.company;

import dev.diligence.domain.shared.paging.ListOrder;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port to the target companies of the current tenant. Implementations only ever see the current
 * tenant's companies; another tenant's company is indistinguishable from one that does not exist.
 */
public interface Companies {

    Optional<Company> find(CompanyId id);

    /** The companies with these ids that exist, in no particular order; one query. */
    List<Company> findAll(Collection<CompanyId> ids);

    Slice<Company> page(CompanyFilter filter, ListOrder order, PageQuery page);

    long count(CompanyFilter filter);

    /** The company that holds this reference, if any. */
    Optional<CompanyId> findByReference(String source, String externalId);

    /** The companies holding references of {@code source} with these external IDs, by external ID; one query. */
    Map<String, CompanyId> findByReferences(String source, Collection<String> externalIds);

    /** Stores a new company and returns it as stored. */
    Company add(Company company);

    /**
     * Stores a changed company and returns it as stored, with its version incremented.
     *
     * @throws dev.diligence.domain.shared.RuleViolationException with {@code STALE_VERSION} when the
     *         stored version differs. That no other company has one of its references is the caller's
     *         to check ({@link #findByReference}); the store refuses a reference taken anyway (by a
     *         concurrent write) with a failure of its own, not a rule violation
     */
    Company update(Company company);

    /**
     * Stores new companies and their references together (a few batched statements, not one per
     * company) and returns them as stored, in the order given.
     */
    List<Company> addAll(List<Company> companies);

    /**
     * Stores changed companies together and returns them as stored, in the order given; each as
     * {@link #update} would.
     */
    List<Company> updateAll(List<Company> companies);
}
