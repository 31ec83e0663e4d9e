package dev.diligence.persistence.assessment;

import static dev.diligence.persistence.testing.AppRoleSql.count;
import static dev.diligence.persistence.testing.AppRoleSql.execute;
import static dev.diligence.persistence.testing.AppRoleSql.setTenant;
import static dev.diligence.persistence.testing.AppRoleSql.uuids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diligence.persistence.testing.AppRoleSql;
import dev.diligence.persistence.testing.TenantRows;
import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The assessment tables of V014 on their own, in plain SQL as the application role: tenant
 * isolation on every table, the loud failure without a tenant, fund scope, and the grants.
 */
class AssessmentTablesIT {

    private static final List<String> TABLES = List.of(
            "assessments",
            "assessment_criteria",
            "assessment_evidence",
            "assessment_participants",
            "assessment_review_comments",
            "assessment_dimension_results");
    private static final String MANAGER = "manager-" + UUID.randomUUID();
    private static final TestDatabase db = TestDatabase.get();

    private static UUID tenantA;
    private static UUID tenantB;
    private static UUID ofGrantedFund;
    private static UUID ofOtherFund;
    private static UUID ofTenantB;

    @BeforeAll
    static void assessmentsInTwoTenantsAndTwoFunds() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            tenantA = TenantRows.insertTenant(admin, TenantRows.uniqueKey("assess-a"));
            tenantB = TenantRows.insertTenant(admin, TenantRows.uniqueKey("assess-b"));
            UUID granted = TenantRows.insertFund(admin, tenantA, "Granted");
            UUID other = TenantRows.insertFund(admin, tenantA, "Other");
            UUID visible = TenantRows.insertCompany(admin, tenantA, "Visible Co");
            UUID hidden = TenantRows.insertCompany(admin, tenantA, "Hidden Co");
            execute(admin, """
                    insert into holdings (tenant_id, id, fund_id, company_id, deal_stage, version, created_at, updated_at)
                    values ('%1$s', gen_random_uuid(), '%2$s', '%3$s', 'INVESTED', 0, now(), now()),
                           ('%1$s', gen_random_uuid(), '%4$s', '%5$s', 'INVESTED', 0, now(), now());
                    insert into fund_grants (tenant_id, id, fund_id, subject, granted_by, granted_at)
                    values ('%1$s', gen_random_uuid(), '%2$s', '%6$s', 'admin', now())""".formatted(tenantA, granted, visible, other, hidden, MANAGER));
            ofGrantedFund = AssessmentRows.insertAssessment(admin, tenantA, visible);
            ofOtherFund = AssessmentRows.insertAssessment(admin, tenantA, hidden);
            ofTenantB =
                    AssessmentRows.insertAssessment(admin, tenantB, TenantRows.insertCompany(admin, tenantB, "B Co"));
        }
    }

    @Test
    void aTenantSeesNoAssessmentRowOfAnotherTenant() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            assertThat(uuids(app, "/* rls-proof */ select id from assessments"))
                    .contains(ofGrantedFund, ofOtherFund)
                    .doesNotContain(ofTenantB);
            for (String table : TABLES) {
                assertThat(count(
                                app,
                                "/* rls-proof */ select count(*) from " + table + " where tenant_id = '" + tenantB
                                        + "'"))
                        .as(table)
                        .isZero();
            }
            app.rollback();
        }
    }

    @Test
    void readingAssessmentsWithoutATenantFails() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            for (String table : TABLES) {
                assertThatThrownBy(() -> count(app, "/* rls-proof */ select count(*) from " + table))
                        .as(table)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("no tenant is set");
            }
        }
    }

    @Test
    void aFundScopedReaderSeesOnlyAssessmentsOfCompaniesInGrantedFunds() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            AppRoleSql.setTenantAndFundScope(app, tenantA, MANAGER);
            assertThat(uuids(app, "/* rls-proof */ select id from assessments")).containsExactly(ofGrantedFund);
            for (String table : TABLES.subList(1, TABLES.size())) {
                assertThat(uuids(app, "/* rls-proof */ select distinct assessment_id from " + table))
                        .as(table)
                        .isSubsetOf(ofGrantedFund);
            }
            assertThat(uuids(app, "/* rls-proof */ select assessment_id from assessment_criteria"))
                    .containsExactly(ofGrantedFund);
            app.rollback();
            AppRoleSql.setTenant(app, tenantA);
            assertThat(uuids(app, "/* rls-proof */ select id from assessments")).contains(ofGrantedFund, ofOtherFund);
            app.rollback();
        }
    }

    /** Evidence taken out of a draft, and dimension results replaced at each save of a draft (V024). */
    @Test
    void theApplicationDeletesOnlyEvidenceAndReplacedDimensionResults() throws SQLException {
        try (Connection admin = db.connectAsAdmin();
                PreparedStatement query = admin.prepareStatement("select has_table_privilege(?, ?, 'DELETE')")) {
            query.setString(1, db.roles().app());
            for (String table : TABLES) {
                query.setString(2, table);
                try (var result = query.executeQuery()) {
                    result.next();
                    assertThat(result.getBoolean(1))
                            .as("DELETE on " + table)
                            .isEqualTo(Set.of("assessment_evidence", "assessment_dimension_results")
                                    .contains(table));
                }
            }
        }
    }
}
