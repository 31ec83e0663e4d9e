package dev.diligence.api.finding;

import dev.diligence.api.export.ExportAuditTrail;
import dev.diligence.api.export.ExportFormat;
import dev.diligence.api.export.TableWriter;
import dev.diligence.api.security.Authorities;
import dev.diligence.domain.finding.FindingFilter;
import dev.diligence.domain.finding.Findings;
import dev.diligence.persistence.replica.ReplicaReads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The findings export: the findings query's list, all of it, as a file. Whoever may read findings may
 * export them, and gets exactly what the findings query would list them (the same filter, the same
 * fund scope in the application and in the database). Its reads may come from the
 * replica ({@link ReplicaReads}); its audit record is a read-write transaction, so always on the primary.
 */
@Service
public class FindingExports {

    /** The audit trail's name for this export ({@link ExportAuditTrail}). */
    static final String ACTION = "exportFindings";

    private final Findings findings;
    private final ExportAuditTrail audit;

    FindingExports(Findings findings, ExportAuditTrail audit) {
        this.findings = findings;
        this.audit = audit;
    }

    /** How many rows the export of {@code filter} has now: what it is charged for. */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true, label = ReplicaReads.LABEL)
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
        audit.record(ACTION, export);
    }

    private static void putIfGiven(Map<String, Object> map, String key, @Nullable Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /**
     * Writes every finding of {@code filter} to {@code table} in the order raised, as the one
     * statement reading them delivers them (a batch of rows in memory at a time), in a read-only
     * transaction. Returns the rows written.
     */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true, label = ReplicaReads.LABEL)
    public long write(FindingFilter filter, TableWriter table) throws IOException {
        long[] rows = {0};
        try {
            findings.forEach(filter, finding -> {
                try {
                    table.row(FindingTable.row(finding));
                    rows[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows[0];
    }
}
