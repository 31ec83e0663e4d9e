package dev.diligence.domain.holding;

import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.shared.paging.Slice;
import java.util.Map;
import java.util.Objects;

/**
 * A page of one parent's holdings with what was read along with it (see {@link HoldingReads}).
 *
 * @param total     the parent's number of holdings, whatever the page; 0 when not asked for
 * @param companies the company of each holding of the page, by id; empty when not asked for
 */
public record HoldingPage(Slice<Holding> holdings, long total, Map<CompanyId, Company> companies) {

    public HoldingPage {
        Objects.requireNonNull(holdings, "holdings");
        companies = Map.copyOf(companies);
        if (total < 0) {
            throw new IllegalArgumentException("a number of holdings is never negative: " + total);
        }
    }
}
