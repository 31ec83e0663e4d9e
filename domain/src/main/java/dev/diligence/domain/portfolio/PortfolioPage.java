package dev.diligence.domain.portfolio;

import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.shared.paging.Slice;
import java.util.Map;
import java.util.Objects;

/**
 * A page of a portfolio's companies, and the companies themselves by id when they were asked to be
 * read along with the rows (empty otherwise).
 */
public record PortfolioPage(Slice<PortfolioRow> rows, Map<CompanyId, Company> companies) {

    public PortfolioPage {
        Objects.requireNonNull(rows, "rows");
        companies = Map.copyOf(companies);
    }
}
