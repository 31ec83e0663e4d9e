package dev.diligence.api.report;

import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.portfolio.PortfolioRow;
import dev.diligence.domain.portfolio.PortfolioSummary;
import dev.diligence.domain.portfolio.RemediationItem;
import java.time.Instant;
import java.util.List;

/**
 * Everything the portfolio report shows, read in one transaction as the {@code portfolio} query reads
 * it for the same caller and arguments.
 *
 * @param fundId           the fund's global ID
 * @param companies        the cohort's rows, highest overall score first (the query's default order), at
 *                         most {@link PortfolioReports#MAX_COMPANIES}
 * @param totalCompanies   the cohort's rows over all pages ({@code companies.totalCount})
 * @param remediation      the top of the remediation ranking, at most {@link PortfolioReports#TOP_REMEDIATION}
 * @param totalRemediation the items of the whole ranking ({@code remediation.totalCount})
 */
record PortfolioReportData(
        String fundId,
        String fundName,
        Instant asOf,
        List<DealStage> dealStages,
        FrameworkVersion framework,
        PortfolioSummary summary,
        List<PortfolioRow> companies,
        long totalCompanies,
        List<RemediationItem> remediation,
        long totalRemediation,
        Instant generatedAt,
        String generatedFor) {}
