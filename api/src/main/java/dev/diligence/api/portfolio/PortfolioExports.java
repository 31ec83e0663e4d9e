package dev.diligence.api.portfolio;

import dev.diligence.api.export.ExportAuditTrail;
import dev.diligence.api.export.ExportFormat;
import dev.diligence.api.export.Table;
import dev.diligence.api.export.TableWriter;
import dev.diligence.api.security.Authorities;
import dev.diligence.domain.portfolio.PortfolioOrder;
import dev.diligence.domain.portfolio.PortfolioPage;
import dev.diligence.domain.portfolio.PortfolioRow;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.persistence.replica.ReplicaReads;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portfolio export: a fund's comparison as the {@code portfolio} query answers it, its companies
 * all of them, as a file. Read through {@link PortfolioService}, the query's own service, so whoever
 * may call the query may export, and gets exactly its answer (the same fund scope in the application
 * and in the database). Its reads may come from the replica ({@link ReplicaReads}); its audit record
 * is a read-write transaction, so always on the primary.
 */
@Service
public class PortfolioExports {

    /** The audit trail's name for this export ({@link ExportAuditTrail}). */
    static final String ACTION = "exportPortfolio";

    private final PortfolioService portfolios;
    private final ExportAuditTrail audit;

    PortfolioExports(PortfolioService portfolios, ExportAuditTrail audit) {
        this.portfolios = portfolios;
        this.audit = audit;
    }

    /**
     * How many rows the export of {@code comparison} has now, what it is charged for: the cohort's
     * companies, and in a format that holds many tables the summary's rows too.
     */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true, label = ReplicaReads.LABEL)
    public long count(PortfolioService.Comparison comparison, ExportFormat format) {
        long companies = portfolios.countCompanies(comparison.query());
        return format.holdsManyTables() ? companies + PortfolioSummaryTable.size(comparison.version()) : companies;
    }

    /**
     * Records in the audit trail, in a transaction of its own before the file is written, that the
     * caller exported: the format, the arguments as asked (the fund's global ID) and the rows counted.
     */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional
    public void record(String fundId, PortfolioArguments arguments, ExportFormat format, long rows) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("format", format.name());
        export.put("arguments", arguments.asked(fundId));
        export.put("rows", rows);
        audit.record(ACTION, export);
    }

    /**
     * Writes the cohort's companies to {@code table} in the query's default order (highest overall
     * score first, ties by company), a keyset page of the query's {@code companies} at a time, so
     * memory holds one page; then, in a format that holds many tables, the summary. All in one
     * read-only repeatable-read transaction, so every page and the summary see one snapshot: a
     * company published meanwhile is neither half in nor counted twice. Each page is one statement
     * over the fund's cohort, so a fund of some thousands of companies costs some tens of statements.
     * Returns the rows written.
     */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ, label = ReplicaReads.LABEL)
    public long write(PortfolioService.Comparison comparison, ExportFormat format, TableWriter table)
            throws IOException {
        long rows = 0;
        PortfolioOrder order = PortfolioOrder.DEFAULT;
        PageQuery page = new PageQuery(PageQuery.MAX_LIMIT, false, Optional.empty());
        while (true) {
            PortfolioPage companies = portfolios.companies(comparison.query(), order, page, false);
            List<PortfolioRow> items = companies.rows().items();
            for (PortfolioRow row : items) {
                table.row(PortfolioTable.row(row, comparison.version()));
                rows++;
            }
            if (!companies.rows().hasMore() || items.isEmpty()) {
                break;
            }
            page = new PageQuery(PageQuery.MAX_LIMIT, false, Optional.of(order.cursorOf(items.get(items.size() - 1))));
        }
        if (format.holdsManyTables()) {
            Table summary = PortfolioSummaryTable.of(comparison, portfolios.summary(comparison.query()));
            table.nextTable(summary.title(), summary.header());
            summary.writeRows(table);
            rows += summary.rows().size();
        }
        return rows;
    }
}
