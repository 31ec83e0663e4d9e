package dev.diligence.persistence.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diligence.persistence.testing.AppRoleSql;
import dev.diligence.persistence.testing.TenantRows;
import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database alone fails closed on fund scope: plain SQL as the application role, the application
 * out of the way. Only a transaction that says it is tenant-wide ({@code app.fund_scoped} exactly
 * {@code 'false'}) reads the tenant's rows of the fund-scoped tables; a fund-scoped one without a
 * subject, one without the setting and one with any other value read none. The fund-scoped tables
 * are taken from the catalog (every table with a policy on {@code app_fund_scope_subject()}), and
 * each holds rows of the tenant, so an empty answer is the policy's doing.
 */
class FundScopeFailsClosedIT {

    private static final TestDatabase db = TestDatabase.get();

    /** The fund-scoped tables of V011 to V019; the catalog may add more, never fewer. */
    private static final List<String> KNOWN_FUND_SCOPED_TABLES = List.of(
            "funds",
            "holdings",
            "companies",
            "company_references",
            "assessments",
            "assessment_dimension_results",
            "assessment_criteria",
            "assessment_evidence",
            "assessment_participants",
            "assessment_review_comments",
            "assessment_criterion_results",
            "assessment_red_flags",
            "findings",
            "sync_references",
            "sync_requests",
            "changes");

    private static UUID tenant;
    /** Table name to the number of the tenant's rows in it, as a superuser counts them. */
    private static Map<String, Long> rowsOfTenant;

    @BeforeAll
    static void oneRowOrMoreInEveryFundScopedTable() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            tenant = TenantRows.insertTenant(admin, TenantRows.uniqueKey("scope-closed"));
            UUID fund = TenantRows.insertFund(admin, tenant, "Granted");
            UUID company = TenantRows.insertCompany(admin, tenant, "Held Co");
            UUID holding = TenantRows.insertHolding(admin, tenant, fund, company, "INVESTED");
            UUID assessment = UUID.randomUUID();
            AppRoleSql.execute(admin, """
                    insert into company_references (tenant_id, company_id, source, external_id) values ('%1$s', '%3$s', 'crm', 'C');
                    insert into fund_grants (tenant_id, id, fund_id, subject, granted_by, granted_at)
                    values ('%1$s', gen_random_uuid(), '%2$s', 'manager', 'admin', now());
                    insert into assessments (tenant_id, id, company_id, framework_version, status, models_in_production, eu_ai_act_tier,
                        sensitive_domains, fairness_mitigation_documented, lead_assessor, version, created_at, updated_at)
                    values ('%1$s', '%5$s', '%3$s', 1, 'DRAFT', false, 'UNCLASSIFIED', '{}', false, 'alice', 0, now(), now());
                    insert into assessment_dimension_results (tenant_id, assessment_id, dimension_code, position, weight, applicable,
                        provisional)
                    values ('%1$s', '%5$s', 'D1', 0, 1, false, true);
                    insert into assessment_criteria (tenant_id, assessment_id, criterion_code, position, state, level, confidence)
                    values ('%1$s', '%5$s', 'C1.1', 0, 'SCORED', 2, 'HIGH');
                    insert into assessment_evidence (tenant_id, id, assessment_id, criterion_code, position, kind, value, added_by, added_at)
                    values ('%1$s', gen_random_uuid(), '%5$s', 'C1.1', 0, 'NOTE', 'seen', 'alice', now());
                    insert into assessment_participants (tenant_id, assessment_id, role, subject) values ('%1$s', '%5$s', 'EDITOR', 'alice');
                    insert into assessment_review_comments (tenant_id, assessment_id, position, reviewer, text, commented_at)
                    values ('%1$s', '%5$s', 0, 'rita', 'more evidence', now());
                    insert into assessment_criterion_results (tenant_id, assessment_id, criterion_code, position, dimension_code, state,
                        gated, target, explicit_target)
                    values ('%1$s', '%5$s', 'C1.1', 0, 'D1', 'UNKNOWN', false, 2, false);
                    insert into assessment_red_flags (tenant_id, assessment_id, position, rule_id, severity, deal_level)
                    values ('%1$s', '%5$s', 0, 'R1', 'HIGH', false);
                    insert into findings (tenant_id, id, assessment_id, title, description, severity, reference_standards,
                        reference_clauses, source_kind, status, opened_at, version, created_at, updated_at)
                    values ('%1$s', gen_random_uuid(), '%5$s', 'No model registry', '', 'HIGH', '{}', '{}', 'ASSESSOR', 'OPEN', now(), 0,
                        now(), now());
                    insert into sync_references (tenant_id, entity_type, source, external_id, holding_id, created_at)
                    values ('%1$s', 'HOLDING', 'crm', 'H1', '%4$s', now());
                    insert into sync_requests (tenant_id, idempotency_key, source, payload_hash, result, actor, created_at)
                    values ('%1$s', 'key-1', 'crm', repeat('a', 64), '{}', 'sync', now())""".formatted(tenant, fund, company, holding, assessment));
            rowsOfTenant = new LinkedHashMap<>();
            for (String table : fundScopedTables(admin)) {
                rowsOfTenant.put(
                        table,
                        AppRoleSql.count(
                                admin, "select count(*) from " + table + " where tenant_id = '" + tenant + "'"));
            }
        }
        assertThat(rowsOfTenant.keySet()).containsAll(KNOWN_FUND_SCOPED_TABLES);
        assertThat(rowsOfTenant)
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
    }

    @Test
    void aTenantWideTransactionReadsEveryRowOfTheTenant() throws SQLException {
        assertThat(rowsSeenWith(Map.of("app.fund_scoped", "false", "app.fund_scope_subject", "")))
                .isEqualTo(rowsOfTenant);
    }

    @Test
    void aFundScopedTransactionWithoutSubjectReadsNothing() throws SQLException {
        assertThat(rowsSeenWith(Map.of("app.fund_scoped", "true", "app.fund_scope_subject", "")))
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    }

    @Test
    void aTransactionThatDoesNotSayItIsTenantWideReadsNothing() throws SQLException {
        assertThat(rowsSeenWith(Map.of()))
                .as("neither setting")
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(rowsSeenWith(Map.of("app.fund_scope_subject", "")))
                .as("the subject alone, empty, as before V022")
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        for (String unknown : List.of("", "no", "FALSE", " false", "0")) {
            assertThat(rowsSeenWith(Map.of("app.fund_scoped", unknown, "app.fund_scope_subject", "")))
                    .as("fund_scoped '%s'", unknown)
                    .allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        }
    }

    @Test
    void noGrantCanNameABlankSubject() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            UUID otherTenant = TenantRows.insertTenant(admin, TenantRows.uniqueKey("scope-blank"));
            UUID fund = TenantRows.insertFund(admin, otherTenant, "Blank grants");
            for (String blank : List.of(" ", "\t", "  \n")) {
                try (PreparedStatement insert = admin.prepareStatement("""
                        insert into fund_grants (tenant_id, id, fund_id, subject, granted_by, granted_at)
                        values (?, gen_random_uuid(), ?, ?, 'admin', now())""")) {
                    insert.setObject(1, otherTenant);
                    insert.setObject(2, fund);
                    insert.setString(3, blank);
                    assertThatThrownBy(insert::executeUpdate)
                            .as("subject '%s'", blank)
                            .isInstanceOf(SQLException.class)
                            .hasMessageContaining("fund_grants_subject_not_blank");
                }
            }
        }
    }

    /** Per fund-scoped table, the rows the application role sees in a transaction of the tenant with these settings. */
    private static Map<String, Long> rowsSeenWith(Map<String, String> settings) throws SQLException {
        Map<String, Long> seen = new LinkedHashMap<>();
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            set(app, "app.tenant_id", tenant.toString());
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                set(app, setting.getKey(), setting.getValue());
            }
            for (String table : rowsOfTenant.keySet()) {
                seen.put(table, AppRoleSql.count(app, "/* rls-proof */ select count(*) from " + table));
            }
            app.rollback();
        }
        return seen;
    }

    private static void set(Connection connection, String name, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select set_config(?, ?, true)")) {
            statement.setString(1, name);
            statement.setString(2, value);
            statement.execute();
        }
    }

    /** Every table with a row-level security policy that reads the fund scope. */
    private static List<String> fundScopedTables(Connection admin) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = admin.createStatement().executeQuery("""
                select distinct c.relname from pg_policy p join pg_class c on c.oid = p.polrelid
                where pg_get_expr(p.polqual, p.polrelid) like '%app_fund_scope_subject()%' order by c.relname""")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }
}
