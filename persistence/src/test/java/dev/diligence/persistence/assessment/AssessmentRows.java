package dev.diligence.persistence.assessment;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** Arranges companies and assessments straight in the database, as a superuser. */
final class AssessmentRows {

    private AssessmentRows() {}

    /** A draft with one scored criterion, one evidence item, one editor and one review comment. */
    static UUID insertAssessment(Connection admin, UUID tenant, UUID company) throws SQLException {
        UUID id = UUID.randomUUID();
        admin.createStatement().execute("""
                insert into assessments (tenant_id, id, company_id, framework_version, status, models_in_production, eu_ai_act_tier,
                    sensitive_domains, fairness_mitigation_documented, lead_assessor, version, created_at, updated_at)
                values ('%1$s', '%2$s', '%3$s', 1, 'DRAFT', false, 'UNCLASSIFIED', '{}', false, 'alice', 0, now(), now());
                insert into assessment_criteria (tenant_id, assessment_id, criterion_code, position, state, level, confidence)
                values ('%1$s', '%2$s', 'C1.1', 0, 'SCORED', 2, 'HIGH');
                insert into assessment_evidence (tenant_id, id, assessment_id, criterion_code, position, kind, value, added_by, added_at)
                values ('%1$s', gen_random_uuid(), '%2$s', 'C1.1', 0, 'NOTE', 'seen', 'alice', now());
                insert into assessment_participants (tenant_id, assessment_id, role, subject) values ('%1$s', '%2$s', 'EDITOR', 'alice');
                insert into assessment_review_comments (tenant_id, assessment_id, position, reviewer, text, commented_at)
                values ('%1$s', '%2$s', 0, 'rita', 'more evidence', now())""".formatted(tenant, id, company));
        return id;
    }
}
