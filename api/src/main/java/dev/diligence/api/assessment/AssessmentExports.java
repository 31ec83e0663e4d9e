package dev.diligence.api.assessment;

import dev.diligence.api.company.CompanyService;
import dev.diligence.api.export.ExportAuditTrail;
import dev.diligence.api.export.ExportFormat;
import dev.diligence.api.export.Table;
import dev.diligence.api.framework.FrameworkService;
import dev.diligence.api.security.Authorities;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.persistence.replica.ReplicaReads;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assessment export: an assessment's scores and evidence as a file. Read through
 * {@link AssessmentService}, the {@code assessment} query's service, so whoever may read the
 * assessment may export it and gets what the query gives (a draft's score computed from its recorded
 * inputs, a published one's as stored); nobody else learns that it exists. Its reads may come from the
 * replica ({@link ReplicaReads}); its audit record is a read-write transaction, so always on the primary.
 */
@Service
public class AssessmentExports {

    /** The audit trail's name for this export ({@link ExportAuditTrail}). */
    static final String ACTION = "exportAssessment";

    private final AssessmentService assessments;
    private final FrameworkService frameworks;
    private final CompanyService companies;
    private final ExportAuditTrail audit;

    AssessmentExports(
            AssessmentService assessments,
            FrameworkService frameworks,
            CompanyService companies,
            ExportAuditTrail audit) {
        this.assessments = assessments;
        this.frameworks = frameworks;
        this.companies = companies;
        this.audit = audit;
    }

    /**
     * The tables of the export of assessment {@code id} in {@code format}, if the caller can see it:
     * its criteria, and in a format that holds many tables its evidence and its score too. An
     * assessment is small (a row per criterion of its framework version, and its evidence), so the
     * tables are read whole, in one read-only transaction, before anything is written.
     */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true, label = ReplicaReads.LABEL)
    public Optional<List<Table>> tables(AssessmentId id, ExportFormat format) {
        return assessments.find(id).map(scored -> {
            FrameworkVersion version = frameworks
                    .find(scored.assessment().frameworkVersion())
                    .orElseThrow(() -> new IllegalStateException(
                            "the framework version of an assessment the caller sees is the caller's to see"));
            Table criteria = CriterionTable.of(scored, version);
            if (!format.holdsManyTables()) {
                return List.of(criteria);
            }
            String company = companies
                    .find(scored.assessment().company())
                    .map(found -> found.profile().name())
                    .orElse(null);
            return List.of(criteria, EvidenceTable.of(scored), ScoreTable.of(scored, version, company));
        });
    }

    /**
     * Records in the audit trail, in a transaction of its own before the file is written, that the
     * caller exported: the format, the assessment as asked (its global ID) and the rows of all tables.
     */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional
    public void record(String assessmentId, ExportFormat format, long rows) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("format", format.name());
        export.put("arguments", Map.of("assessmentId", assessmentId));
        export.put("rows", rows);
        audit.record(ACTION, export);
    }
}
