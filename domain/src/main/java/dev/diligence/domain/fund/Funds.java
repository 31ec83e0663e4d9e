package dev.diligence.domain.fund;

import dev.diligence.domain.shared.paging.ListOrder;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port to the funds of the current tenant. Implementations only ever see the current tenant's
 * funds; another tenant's fund is indistinguishable from one that does not exist.
 */
public interface Funds {

    Optional<Fund> find(FundId id);

    /** The funds with these ids that exist, in no particular order; one query. */
    List<Fund> findAll(Collection<FundId> ids);

    /** A page of funds matching {@code filter}, in {@code order}. */
    Slice<Fund> page(FundFilter filter, ListOrder order, PageQuery page);

    long count(FundFilter filter);

    /** Whether another fund than {@code except} already has this name, ignoring case. */
    boolean nameTaken(String name, Optional<FundId> except);

    /** Stores a new fund and returns it as stored. */
    Fund add(Fund fund);

    /**
     * Stores a changed fund and returns it as stored, with its version incremented.
     *
     * @throws dev.diligence.domain.shared.RuleViolationException with {@code STALE_VERSION} when the
     *         stored version differs from {@code fund.version()}
     */
    Fund update(Fund fund);
}
