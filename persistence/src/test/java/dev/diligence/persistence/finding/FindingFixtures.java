package dev.diligence.persistence.finding;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** Arranges companies, assessments and findings straight in the database, as a superuser. */
final class FindingFixtures {

    private FindingFixtures() {}

    /** A company with one draft assessment; returns the assessment. */
    static UUID insertAssessment(Connection admin, UUID tenant, UUID company) throws SQLException {
        UUID id = UUID.randomUUID();
        admin.createStatement().execute("""
                insert into assessments (tenant_id, id, company_id, framework_version, status, models_in_production, eu_ai_act_tier,
                    sensitive_domains, fairness_mitigation_documented, lead_assessor, version, created_at, updated_at)
                values ('%1$s', '%2$s', '%3$s', 1, 'DRAFT', false, 'UNCLASSIFIED', '{}', false, 'alice', 0, now(), now())""".formatted(tenant, id, company));
        return id;
    }

    /** An open assessor finding on the assessment; returns the finding. */
    static UUID insertFinding(Connection admin, UUID tenant, UUID assessment) throws SQLException {
        UUID id = UUID.randomUUID();
        admin.createStatement().execute("""
                insert into findings (tenant_id, id, assessment_id, title, description, severity, reference_standards,
                    reference_clauses, source_kind, status, opened_at, version, created_at, updated_at)
                values ('%s', '%s', '%s', 'No model registry', '', 'HIGH', '{}', '{}', 'ASSESSOR', 'OPEN', now(), 0, now(), now())""".formatted(tenant, id, assessment));
        return id;
    }
}
