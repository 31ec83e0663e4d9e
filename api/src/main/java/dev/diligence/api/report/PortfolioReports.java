package dev.diligence.api.report;

import dev.diligence.api.export.ExportAuditTrail;
import dev.diligence.api.portfolio.PortfolioService;
import dev.diligence.api.portfolio.PortfolioService.Comparison;
import dev.diligence.api.security.Authorities;
import dev.diligence.api.security.Caller;
import dev.diligence.api.security.CurrentCaller;
import dev.diligence.domain.portfolio.PortfolioOrder;
import dev.diligence.domain.portfolio.PortfolioPage;
import dev.diligence.domain.portfolio.PortfolioQuery;
import dev.diligence.domain.portfolio.PortfolioRow;
import dev.diligence.domain.portfolio.RemediationItem;
import dev.diligence.domain.shared.paging.Cursor;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.persistence.replica.ReplicaReads;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portfolio report's reads and its audit record, through the {@code portfolio} query's own
 * service: the same roles (every business role), the same fund scope (a fund manager only granted
 * funds; anything else, like another firm's fund, is not found) and the same numbers. Its reads may come
 * from the replica ({@link ReplicaReads}); its audit record is a read-write transaction, so always on the primary.
 */
@Service
public class PortfolioReports {

    /** The audit trail's name for this export ({@link ExportAuditTrail}). */
    static final String ACTION = "reportPortfolio";

    /** The most companies in the heatmap: the first of the query's default order, highest overall score first. */
    static final int MAX_COMPANIES = 1_000;

    /** The remediation priorities listed: the top of the portfolio's ranking. */
    static final int TOP_REMEDIATION = 20;

    private final PortfolioService portfolios;
    private final ExportAuditTrail audit;
    private final Clock clock;

    PortfolioReports(PortfolioService portfolios, ExportAuditTrail audit, Clock clock) {
        this.portfolios = portfolios;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the report of {@code comparison} is charged for: a row per company in the heatmap and per remediation item listed. */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true, label = ReplicaReads.LABEL)
    public long rows(Comparison comparison) {
        return Math.min(portfolios.countCompanies(comparison.query()), MAX_COMPANIES)
                + Math.min(portfolios.countRemediation(comparison.query()), TOP_REMEDIATION);
    }

    /** What the report of {@code comparison} shows, read in one snapshot. */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ, label = ReplicaReads.LABEL)
    public PortfolioReportData read(Comparison comparison, String fundId) {
        PortfolioQuery query = comparison.query();
        List<PortfolioRow> rows = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        boolean more = true;
        while (more && rows.size() < MAX_COMPANIES) {
            int limit = Math.min(PageQuery.MAX_LIMIT, MAX_COMPANIES - rows.size());
            PortfolioPage page =
                    portfolios.companies(query, PortfolioOrder.DEFAULT, new PageQuery(limit, false, after), false);
            List<PortfolioRow> items = page.rows().items();
            rows.addAll(items);
            more = page.rows().hasMore() && !items.isEmpty();
            if (!items.isEmpty()) {
                after = Optional.of(PortfolioOrder.DEFAULT.cursorOf(items.get(items.size() - 1)));
            }
        }
        List<RemediationItem> remediation = portfolios
                .remediation(query, new PageQuery(TOP_REMEDIATION, false, Optional.empty()))
                .items();
        Caller caller = CurrentCaller.get();
        return new PortfolioReportData(
                fundId,
                Objects.requireNonNullElse(comparison.fund().profile().name(), ""),
                query.asOf(),
                query.dealStages().stream().sorted().toList(),
                comparison.version(),
                portfolios.summary(query),
                rows,
                portfolios.countCompanies(query),
                remediation,
                portfolios.countRemediation(query),
                clock.instant(),
                caller.name() == null || caller.name().isBlank() ? caller.subject() : caller.name());
    }

    /**
     * Records in the audit trail, in a transaction of its own before the file is written, that the
     * caller took the report: the fund and arguments as asked and the rows it was charged for.
     */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional
    public void record(Map<String, Object> asked, long rows) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("format", "PDF");
        report.put("report", "portfolio");
        report.putAll(asked);
        report.put("rows", rows);
        audit.record(ACTION, report);
    }
}
