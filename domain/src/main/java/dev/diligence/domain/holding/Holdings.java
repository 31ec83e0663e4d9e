package dev.diligence.domain.holding;

import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.shared.paging.PageQuery;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Port to the holdings of the current tenant. Lists of holdings are ordered by the time the
 * company was added (then id); the batched methods answer for many parents in one query, with
 * the same page window applied to each parent.
 */
public interface Holdings {

    Optional<Holding> find(HoldingId id);

    /** The holdings with these ids, in no particular order; ids of nothing are left out. */
    List<Holding> findAll(Collection<HoldingId> ids);

    boolean exists(FundId fund, CompanyId company);

    /** Which of {@code companies} each of {@code funds} holds; funds holding none of them are absent. One query. */
    Map<FundId, Set<CompanyId>> companiesHeld(Collection<FundId> funds, Collection<CompanyId> companies);

    /**
     * A page of the holdings of each fund, with what {@code along} asks for, in one statement; funds
     * without holdings map to an empty page.
     */
    Map<FundId, HoldingPage> pageByFund(Collection<FundId> funds, PageQuery page, HoldingReads along);

    /** A page of the holdings of each company, as {@link #pageByFund} reads them for funds. */
    Map<CompanyId, HoldingPage> pageByCompany(Collection<CompanyId> companies, PageQuery page, HoldingReads along);

    /**
     * Stores a new holding and returns it as stored. That the company is not yet in the fund is the
     * caller's to check ({@link #exists}); the store refuses a second holding anyway (by a concurrent
     * write) with a failure of its own, not a rule violation.
     */
    Holding add(Holding holding);

    /** Stores changed terms and returns the holding as stored, version incremented. */
    Holding update(Holding holding);

    /**
     * Stores new holdings together (batched statements) and returns them as stored, in the order
     * given. The caller has checked that none puts a company into a fund twice; the database
     * refuses it otherwise.
     */
    List<Holding> addAll(List<Holding> holdings);

    /** Stores changed terms of holdings together and returns them as stored, in the order given; each as {@link #update} would. */
    List<Holding> updateAll(List<Holding> holdings);

    /** Removes a holding that still has {@code holding.version()}. */
    void remove(Holding holding);
}
