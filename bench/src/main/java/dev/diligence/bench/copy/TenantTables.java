package dev.diligence.bench.copy;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.copy.CopyManager;

/**
 * The rows of one tenant, one {@link CopyTable} per tenant-owned table, with the columns of the
 * migrations (V003..V017). {@link #copyInto} loads the tables parents first, so every foreign key
 * (checked row by row, the triggers stay enabled) finds its parent.
 */
public final class TenantTables {

    public final CopyTable funds = new CopyTable(
            "funds",
            List.of(
                    "tenant_id",
                    "id",
                    "name",
                    "vintage_year",
                    "strategy",
                    "currency",
                    "target_size",
                    "status",
                    "version",
                    "created_at",
                    "updated_at"));
    public final CopyTable companies = new CopyTable(
            "companies",
            List.of(
                    "tenant_id",
                    "id",
                    "name",
                    "website",
                    "sector",
                    "headquarters_country",
                    "stage",
                    "employee_count",
                    "description",
                    "archived",
                    "version",
                    "created_at",
                    "updated_at"));
    public final CopyTable companyReferences =
            new CopyTable("company_references", List.of("tenant_id", "company_id", "source", "external_id"));
    public final CopyTable holdings = new CopyTable(
            "holdings",
            List.of(
                    "tenant_id",
                    "id",
                    "fund_id",
                    "company_id",
                    "deal_stage",
                    "ownership_percentage",
                    "entry_date",
                    "exit_date",
                    "deal_lead",
                    "version",
                    "created_at",
                    "updated_at"));
    public final CopyTable assessments = new CopyTable(
            "assessments",
            List.of(
                    "tenant_id",
                    "id",
                    "company_id",
                    "framework_version",
                    "status",
                    "models_in_production",
                    "eu_ai_act_tier",
                    "sensitive_domains",
                    "lowest_impact_ratio",
                    "fairness_mitigation_documented",
                    "lead_assessor",
                    "published_by",
                    "published_at",
                    "overall_score",
                    "overall_percentage",
                    "overall_floor",
                    "overall_confidence",
                    "coverage",
                    "level",
                    "level_suppressed",
                    "deal_level_red_flag",
                    "retracted_by",
                    "retraction_reason",
                    "retracted_at",
                    "version",
                    "created_at",
                    "updated_at"));
    public final CopyTable criteria = new CopyTable(
            "assessment_criteria",
            List.of(
                    "tenant_id",
                    "assessment_id",
                    "criterion_code",
                    "position",
                    "state",
                    "level",
                    "confidence",
                    "not_applicable_reason",
                    "target_level",
                    "rationale"));
    public final CopyTable evidence = new CopyTable(
            "assessment_evidence",
            List.of(
                    "tenant_id",
                    "id",
                    "assessment_id",
                    "criterion_code",
                    "position",
                    "kind",
                    "value",
                    "added_by",
                    "added_at"));
    public final CopyTable participants =
            new CopyTable("assessment_participants", List.of("tenant_id", "assessment_id", "role", "subject"));
    public final CopyTable reviewComments = new CopyTable(
            "assessment_review_comments",
            List.of("tenant_id", "assessment_id", "position", "reviewer", "text", "commented_at"));
    public final CopyTable dimensionResults = new CopyTable(
            "assessment_dimension_results",
            List.of(
                    "tenant_id",
                    "assessment_id",
                    "dimension_code",
                    "position",
                    "weight",
                    "applicable",
                    "score",
                    "uncapped_score",
                    "capped_by",
                    "coverage",
                    "provisional",
                    "confidence"));
    public final CopyTable criterionResults = new CopyTable(
            "assessment_criterion_results",
            List.of(
                    "tenant_id",
                    "assessment_id",
                    "criterion_code",
                    "position",
                    "dimension_code",
                    "state",
                    "recorded_level",
                    "effective_level",
                    "gated",
                    "target",
                    "explicit_target",
                    "gap",
                    "priority"));
    public final CopyTable redFlags = new CopyTable(
            "assessment_red_flags",
            List.of("tenant_id", "assessment_id", "position", "rule_id", "criterion_code", "severity", "deal_level"));
    public final CopyTable findings = new CopyTable(
            "findings",
            List.of(
                    "tenant_id",
                    "id",
                    "assessment_id",
                    "criterion_code",
                    "title",
                    "description",
                    "severity",
                    "owner_subject",
                    "due_date",
                    "remediation_plan",
                    "reference_standards",
                    "reference_clauses",
                    "source_kind",
                    "rule_id",
                    "status",
                    "opened_at",
                    "closed_at",
                    "closing_note",
                    "version",
                    "created_at",
                    "updated_at"));

    /** Parents before children. */
    private final List<CopyTable> loadOrder = List.of(
            funds,
            companies,
            companyReferences,
            holdings,
            assessments,
            criteria,
            evidence,
            participants,
            reviewComments,
            dimensionResults,
            criterionResults,
            redFlags,
            findings);

    public void copyInto(CopyManager copy) throws SQLException, IOException {
        for (CopyTable table : loadOrder) {
            table.copyInto(copy);
        }
    }
}
