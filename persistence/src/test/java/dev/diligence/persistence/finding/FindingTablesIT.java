package dev.diligence.persistence.finding;

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
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The findings table of V015 on its own, in plain SQL as the application role: tenant isolation, the
 * loud failure without a tenant, fund scope through the finding's assessment, the grants and checks.
 */
class FindingTablesIT {

    private static final String MANAGER = "manager-" + UUID.randomUUID();
    private static final TestDatabase db = TestDatabase.get();

    private static UUID tenantA;
    private static UUID assessmentA;
    private static UUID ofGrantedFund;
    private static UUID ofOtherFund;
    private static UUID ofTenantB;

    @BeforeAll
    static void findingsInTwoTenantsAndTwoFunds() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            tenantA = TenantRows.insertTenant(admin, TenantRows.uniqueKey("finding-a"));
            UUID tenantB = TenantRows.insertTenant(admin, TenantRows.uniqueKey("finding-b"));
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
            assessmentA = FindingFixtures.insertAssessment(admin, tenantA, visible);
            ofGrantedFund = FindingFixtures.insertFinding(admin, tenantA, assessmentA);
            ofOtherFund = FindingFixtures.insertFinding(
                    admin, tenantA, FindingFixtures.insertAssessment(admin, tenantA, hidden));
            ofTenantB = FindingFixtures.insertFinding(
                    admin,
                    tenantB,
                    FindingFixtures.insertAssessment(admin, tenantB, TenantRows.insertCompany(admin, tenantB, "B Co")));
        }
    }

    @Test
    void aTenantSeesNoFindingOfAnotherTenant() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            assertThat(uuids(app, "/* rls-proof */ select id from findings"))
                    .contains(ofGrantedFund, ofOtherFund)
                    .doesNotContain(ofTenantB);
            assertThat(app.createStatement()
                            .executeUpdate("/* rls-proof */ update findings set title = 'taken' where id = '"
                                    + ofTenantB + "'"))
                    .isZero();
            app.rollback();
        }
    }

    @Test
    void readingFindingsWithoutATenantFails() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            assertThatThrownBy(() -> count(app, "/* rls-proof */ select count(*) from findings"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("no tenant is set");
        }
    }

    @Test
    void aFundScopedReaderSeesOnlyFindingsOfAssessmentsItSees() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            AppRoleSql.setTenantAndFundScope(app, tenantA, MANAGER);
            assertThat(uuids(app, "/* rls-proof */ select id from findings")).containsExactly(ofGrantedFund);
            app.rollback();
            AppRoleSql.setTenant(app, tenantA);
            assertThat(uuids(app, "/* rls-proof */ select id from findings")).contains(ofGrantedFund, ofOtherFund);
            app.rollback();
        }
    }

    @Test
    void theApplicationCannotDeleteFindings() throws SQLException {
        try (Connection admin = db.connectAsAdmin();
                PreparedStatement query = admin.prepareStatement(
                        "select has_table_privilege(?, 'findings', 'DELETE'), has_table_privilege(?, 'findings', 'UPDATE')")) {
            query.setString(1, db.roles().app());
            query.setString(2, db.roles().app());
            try (var result = query.executeQuery()) {
                result.next();
                assertThat(result.getBoolean(1)).as("DELETE on findings").isFalse();
                assertThat(result.getBoolean(2)).as("UPDATE on findings").isTrue();
            }
        }
    }

    @Test
    void theTableRefusesWhatTheDomainRefuses() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            String insert = """
                    insert into findings (tenant_id, id, assessment_id, title, description, severity, reference_standards,
                        reference_clauses, source_kind, rule_id, status, opened_at, closed_at, closing_note, retired_at,
                        version, created_at, updated_at)
                    values ('%s', gen_random_uuid(), '%s', 'T', '', 'HIGH', '{}', '{}', %s, 0, now(), now())""";
            for (String invalid : new String[] {
                "'ASSESSOR', 'RF1', 'OPEN', now(), null, null, null", // a rule id on an assessor finding
                "'RULE', null, 'OPEN', now(), null, null, null", // a rule finding without its rule
                "'ASSESSOR', null, 'RESOLVED', now(), now(), null, null", // resolved without a note
                "'ASSESSOR', null, 'OPEN', now(), now(), 'fixed', null", // open with a closing
                "'ASSESSOR', null, 'OPEN', now(), null, null, now()"
            }) { // an assessor finding retired
                execute(app, "savepoint attempt");
                assertThatThrownBy(() -> execute(app, insert.formatted(tenantA, assessmentA, invalid)))
                        .as(invalid)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("check constraint");
                execute(app, "rollback to savepoint attempt");
            }
            app.rollback();
        }
    }
}
