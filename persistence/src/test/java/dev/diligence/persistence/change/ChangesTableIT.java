package dev.diligence.persistence.change;

import static dev.diligence.persistence.testing.AppRoleSql.count;
import static dev.diligence.persistence.testing.AppRoleSql.execute;
import static dev.diligence.persistence.testing.AppRoleSql.setTenant;
import static dev.diligence.persistence.testing.AppRoleSql.setTenantAndFundScope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diligence.persistence.testing.TenantRows;
import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The {@code changes} outbox (V019) in plain SQL: which writes the triggers record, in which order,
 * and that the table is tenant-owned and append-only for the application role.
 */
class ChangesTableIT {

    private static final TestDatabase db = TestDatabase.get();

    @Test
    void everyWriteOfATransactionIsRecordedInTheOrderItWasMade() throws SQLException {
        UUID tenant;
        UUID fund;
        UUID company;
        UUID holding;
        UUID assessment = UUID.randomUUID();
        UUID finding = UUID.randomUUID();
        try (Connection admin = db.connectAsAdmin()) {
            tenant = TenantRows.insertTenant(admin, TenantRows.uniqueKey("changes"));
            // one transaction as a superuser without any tenant set: the demo-data and test path
            admin.setAutoCommit(false);
            fund = TenantRows.insertFund(admin, tenant, "Fund");
            company = TenantRows.insertCompany(admin, tenant, "Company");
            holding = TenantRows.insertHolding(admin, tenant, fund, company, "SOURCED");
            execute(admin, "update holdings set deal_stage = 'DILIGENCE' where id = '" + holding + "'");
            execute(admin, "update funds set name = name where id = '" + fund + "'");
            execute(admin, """
                    insert into assessments (tenant_id, id, company_id, framework_version, status, models_in_production, eu_ai_act_tier,
                        sensitive_domains, fairness_mitigation_documented, lead_assessor, version, created_at, updated_at)
                    values ('%s', '%s', '%s', 1, 'DRAFT', false, 'UNCLASSIFIED', '{}', false, 'ada', 0, now(), now())""".formatted(tenant, assessment, company));
            execute(admin, "update assessments set status = 'IN_REVIEW' where id = '" + assessment + "'");
            execute(admin, """
                    update assessments set status = 'PUBLISHED', published_by = 'rita', published_at = now(),
                        level_suppressed = false, deal_level_red_flag = false where id = '%s'""".formatted(assessment));
            execute(admin, """
                    insert into findings (tenant_id, id, assessment_id, title, description, severity, reference_standards,
                        reference_clauses, source_kind, rule_id, status, opened_at, version, created_at, updated_at)
                    values ('%s', '%s', '%s', 'Flag', '', 'HIGH', '{}', '{}', 'RULE', 'R1', 'OPEN', now(), 0, now(), now())""".formatted(tenant, finding, assessment));
            execute(admin, "update findings set severity = 'LOW' where id = '" + finding + "'");
            execute(admin, "update findings set retired_at = now() where id = '" + finding + "'");
            execute(admin, "update findings set title = 'Changed while retired' where id = '" + finding + "'");
            execute(admin, """
                    update assessments set status = 'RETRACTED', retracted_by = 'alice', retraction_reason = 'wrong',
                        retracted_at = now() where id = '%s'""".formatted(assessment));
            execute(admin, "delete from holdings where id = '" + holding + "'");
            admin.commit();
        }

        assertThat(feedOf(tenant))
                .containsExactly(
                        "FUND CREATED " + fund,
                        "COMPANY CREATED " + company,
                        "HOLDING CREATED " + holding,
                        "HOLDING UPDATED " + holding,
                        "ASSESSMENT PUBLISHED " + assessment,
                        "FINDING CREATED " + finding,
                        "FINDING UPDATED " + finding,
                        "FINDING REMOVED " + finding,
                        "ASSESSMENT RETRACTED " + assessment,
                        "HOLDING REMOVED " + holding);
    }

    @Test
    void aWriteUndoneByARollbackToASavepointLeavesNoChangeAndTheRestCommits() throws SQLException {
        UUID tenant;
        UUID kept;
        try (Connection admin = db.connectAsAdmin()) {
            tenant = TenantRows.insertTenant(admin, TenantRows.uniqueKey("changes"));
        }
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenant);
            var savepoint = app.setSavepoint();
            TenantRows.insertCompany(app, tenant, "Undone");
            app.rollback(savepoint);
            kept = TenantRows.insertCompany(app, tenant, "Kept");
            app.commit();
        }
        assertThat(feedOf(tenant)).containsExactly("COMPANY CREATED " + kept);
    }

    /**
     * V020 numbers all of a transaction's changes of a tenant with the first firing at commit; rows
     * written after an earlier numbering (here forced by SET CONSTRAINTS ... IMMEDIATE) and rows of
     * another tenant in between take the full path again. None may be left unnumbered or out of order.
     */
    @Test
    void manyChangesOfInterleavedTenantsAreAllNumberedInTheOrderTheyWereWritten() throws SQLException {
        UUID first;
        UUID second;
        List<String> firstWrites = new ArrayList<>();
        List<String> secondWrites = new ArrayList<>();
        try (Connection admin = db.connectAsAdmin()) {
            first = TenantRows.insertTenant(admin, TenantRows.uniqueKey("changes"));
            second = TenantRows.insertTenant(admin, TenantRows.uniqueKey("changes"));
            admin.setAutoCommit(false);
            for (int i = 0; i < 40; i++) {
                firstWrites.add("COMPANY CREATED " + TenantRows.insertCompany(admin, first, "First " + i));
                if (i % 3 == 0) {
                    secondWrites.add("COMPANY CREATED " + TenantRows.insertCompany(admin, second, "Second " + i));
                }
                if (i == 20) {
                    execute(admin, "set constraints changes_position_at_commit immediate");
                    execute(admin, "set constraints changes_position_at_commit deferred");
                }
            }
            admin.commit();
        }
        assertThat(feedOf(first)).containsExactlyElementsOf(firstWrites);
        assertThat(feedOf(second)).containsExactlyElementsOf(secondWrites);
    }

    @Test
    void theApplicationRoleCannotUpdateDeleteTruncateOrPlaceAPosition() throws SQLException {
        UUID tenant = tenantWithACompany();
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            for (String statement : List.of(
                    "/* rls-proof */ update changes set position = 0",
                    "/* rls-proof */ delete from changes",
                    "truncate changes",
                    "insert into changes (tenant_id, entity_type, entity_id, operation, occurred_at, position) "
                            + "values ('" + tenant + "', 'FUND', gen_random_uuid(), 'CREATED', now(), 1)",
                    // the order of a transaction's writes (V020) is the database's, never the writer's
                    "insert into changes (tenant_id, entity_type, entity_id, operation, occurred_at, write_order) "
                            + "values ('" + tenant + "', 'FUND', gen_random_uuid(), 'CREATED', now(), 1)",
                    "select nextval('changes_position_seq')")) {
                setTenant(app, tenant);
                assertThatThrownBy(() -> execute(app, statement))
                        .as(statement)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
                app.rollback();
            }
        }
        assertThat(feedOf(tenant)).hasSize(1);
    }

    @Test
    void aTenantSeesAndWritesOnlyItsOwnChanges() throws SQLException {
        UUID tenantA = tenantWithACompany();
        UUID tenantB = tenantWithACompany();
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            assertThat(count(app, "/* rls-proof */ select count(*) from changes"))
                    .isEqualTo(1);
            assertThat(count(app, "select count(*) from changes where tenant_id = '" + tenantB + "'"))
                    .isZero();
            assertThatThrownBy(() -> execute(
                            app,
                            "insert into changes (tenant_id, entity_type, entity_id, operation, occurred_at) "
                                    + "values ('" + tenantB + "', 'FUND', gen_random_uuid(), 'CREATED', now())"))
                    .hasMessageContaining("row-level security");
            app.rollback();
        }
    }

    @Test
    void aTransactionWithoutTenantOrWithAFundScopeReadsNoChanges() throws SQLException {
        UUID tenant = tenantWithACompany();
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            assertThatThrownBy(() -> count(app, "/* rls-proof */ select count(*) from changes"))
                    .hasMessageContaining("no tenant is set");
            app.rollback();
            setTenantAndFundScope(app, tenant, "frank");
            assertThat(count(app, "/* rls-proof */ select count(*) from changes"))
                    .isZero();
            app.rollback();
        }
    }

    private static UUID tenantWithACompany() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            UUID tenant = TenantRows.insertTenant(admin, TenantRows.uniqueKey("changes"));
            TenantRows.insertCompany(admin, tenant, "Company");
            return tenant;
        }
    }

    /** The tenant's feed as "TYPE OPERATION entity", by position; every change must be numbered. */
    private static List<String> feedOf(UUID tenant) throws SQLException {
        List<String> feed = new ArrayList<>();
        try (Connection admin = db.connectAsAdmin();
                ResultSet rows = admin.createStatement()
                        .executeQuery(
                                "select entity_type, operation, entity_id, position from changes where tenant_id = '"
                                        + tenant + "' order by position nulls first")) {
            while (rows.next()) {
                assertThat(rows.getObject("position")).as("position").isNotNull();
                feed.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getObject(3));
            }
        }
        return feed;
    }
}
