package dev.diligence.api.finding;

import dev.diligence.api.audit.AuditRecorder;
import dev.diligence.api.export.ExportFormat;
import dev.diligence.api.export.TableWriter;
import dev.diligence.api.security.Authorities;
import dev.diligence.domain.finding.Finding;
import dev.diligence.domain.finding.FindingFilter;
import dev.diligence.domain.finding.FindingOrder;
import dev.diligence.domain.finding.Findings;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The findings export: the findings query's list, all of it, as a file. Whoever may read findings may
 * export them, and gets exactly what the findings query would list them (the same filter, the same
 * fund scope in the application and in the database).
 */
@Service
public class FindingExports {

    /** The audit trail's name for an export, and the type of the object it records. */
    static final String ACTION = "exportFindings";

    static final String ENTITY_TYPE = "Export";

    private final Findings findings;
    private final AuditRecorder audit;

    FindingExports(Findings findings, AuditRecorder audit) {
        this.findings = findings;
        this.audit = audit;
    }

    /** How many rows the export of {@code filter} has now: what it is charged for. */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public long count(FindingFilter filter) {
        return findings.count(filter);
    }

    /**
     * Records in the audit trail, in a transaction of its own before the file is written, that the
     * caller exported: the format, the filter as asked (global IDs) and the number of rows counted.
     */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional
    public void record(FindingFilterInput filter, ExportFormat format, long rows) {
        Map<String, Object> asked = new LinkedHashMap<>();
        putIfGiven(asked, "fundId", filter.fundId());
        putIfGiven(asked, "companyId", filter.companyId());
        putIfGiven(asked, "assessmentId", filter.assessmentId());
        putIfGiven(asked, "severities", filter.severities());
        putIfGiven(asked, "statuses", filter.statuses());
        putIfGiven(asked, "dimension", filter.dimension());
        putIfGiven(asked, "source", filter.source());
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("format", format.name());
        export.put("filter", asked);
        export.put("rows", rows);
        audit.record(ACTION, ENTITY_TYPE, UUID.randomUUID(), null, export);
    }

    private static void putIfGiven(Map<String, Object> map, String key, @Nullable Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /**
     * Writes every finding of {@code filter} to {@code table} in the order raised, a page at a time
     * (keyset pages of the findings list), in one read-only transaction that sees one snapshot, so a
     * finding raised meanwhile is neither half in nor counted twice. Returns the rows written.
     */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public long write(FindingFilter filter, TableWriter table) throws IOException {
        long rows = 0;
        PageQuery page = new PageQuery(PageQuery.MAX_LIMIT, false, Optional.empty());
        while (true) {
            Slice<Finding> slice = findings.page(filter, page);
            for (Finding finding : slice.items()) {
                table.row(FindingTable.row(finding));
                rows++;
            }
            if (!slice.hasMore() || slice.items().isEmpty()) {
                return rows;
            }
            Finding last = slice.items().get(slice.items().size() - 1);
            page = new PageQuery(PageQuery.MAX_LIMIT, false, Optional.of(FindingOrder.cursorOf(last)));
        }
    }
}
