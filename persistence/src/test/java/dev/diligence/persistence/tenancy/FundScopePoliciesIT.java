package dev.diligence.persistence.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.persistence.testing.AppRoleSql;
import dev.diligence.persistence.testing.TenantRows;
import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database layer of fund-scoped access on its own: plain SQL as the application role. Scoped to
 * a subject ({@code app.fund_scoped} 'true'), only granted funds, their holdings and the companies
 * they hold (with their references) are visible; tenant-wide ('false'), the whole tenant is. What a
 * transaction sees that does not say it is tenant-wide: {@link FundScopeFailsClosedIT}.
 */
class FundScopePoliciesIT {

    private static final TestDatabase db = TestDatabase.get();
    private static final String MANAGER = "manager-" + UUID.randomUUID();

    private static UUID tenant;
    private static UUID grantedFund;
    private static UUID otherFund;
    private static UUID companyOfGranted;
    private static UUID companyOfOther;

    @BeforeAll
    static void twoFundsOneGranted() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            tenant = TenantRows.insertTenant(admin, TenantRows.uniqueKey("scope-sql"));
            grantedFund = TenantRows.insertFund(admin, tenant, "Granted");
            otherFund = TenantRows.insertFund(admin, tenant, "Other");
            companyOfGranted = TenantRows.insertCompany(admin, tenant, "Visible Co");
            companyOfOther = TenantRows.insertCompany(admin, tenant, "Hidden Co");
            insertHolding(admin, grantedFund, companyOfGranted);
            insertHolding(admin, otherFund, companyOfOther);
            AppRoleSql.execute(
                    admin,
                    "insert into company_references (tenant_id, company_id, source, external_id) values ('%s', '%s', 'crm', 'V'), ('%s', '%s', 'crm', 'H')"
                            .formatted(tenant, companyOfGranted, tenant, companyOfOther));
            AppRoleSql.execute(
                    admin,
                    "insert into fund_grants (tenant_id, id, fund_id, subject, granted_by, granted_at) values ('%s', gen_random_uuid(), '%s', '%s', 'admin', now())"
                            .formatted(tenant, grantedFund, MANAGER));
        }
    }

    @Test
    void aScopedTransactionSeesOnlyGrantedFundsTheirHoldingsAndCompanies() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            AppRoleSql.setTenantAndFundScope(app, tenant, MANAGER);
            assertThat(AppRoleSql.uuids(app, "/* rls-proof */ select id from funds"))
                    .containsExactly(grantedFund);
            assertThat(AppRoleSql.uuids(app, "/* rls-proof */ select fund_id from holdings"))
                    .containsExactly(grantedFund);
            assertThat(AppRoleSql.uuids(app, "/* rls-proof */ select id from companies"))
                    .containsExactly(companyOfGranted);
            assertThat(AppRoleSql.uuids(app, "/* rls-proof */ select company_id from company_references"))
                    .containsExactly(companyOfGranted);
            app.rollback();
        }
    }

    @Test
    void anUnscopedTransactionSeesTheWholeTenant() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            AppRoleSql.setTenant(app, tenant);
            assertThat(AppRoleSql.uuids(app, "/* rls-proof */ select id from funds"))
                    .containsExactlyInAnyOrder(grantedFund, otherFund);
            assertThat(AppRoleSql.uuids(app, "/* rls-proof */ select id from companies"))
                    .containsExactlyInAnyOrder(companyOfGranted, companyOfOther);
            app.rollback();
        }
    }

    @Test
    void aSubjectWithoutGrantsSeesNothing() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            AppRoleSql.setTenantAndFundScope(app, tenant, "somebody-else");
            assertThat(AppRoleSql.uuids(app, "/* rls-proof */ select id from funds"))
                    .isEmpty();
            assertThat(AppRoleSql.uuids(app, "/* rls-proof */ select id from companies"))
                    .isEmpty();
            assertThat(AppRoleSql.uuids(app, "/* rls-proof */ select fund_id from holdings"))
                    .isEmpty();
            app.rollback();
        }
    }

    @Test
    void aScopedTransactionCannotChangeWhatItCannotSee() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            AppRoleSql.setTenantAndFundScope(app, tenant, MANAGER);
            assertThat(app.createStatement()
                            .executeUpdate("/* rls-proof */ update funds set name = 'Hijacked' where id = '" + otherFund
                                    + "'"))
                    .isZero();
            assertThat(app.createStatement()
                            .executeUpdate("/* rls-proof */ update companies set name = 'Hijacked' where id = '"
                                    + companyOfOther + "'"))
                    .isZero();
            app.rollback();
        }
    }

    private static void insertHolding(Connection admin, UUID fund, UUID company) throws SQLException {
        AppRoleSql.execute(admin, """
                insert into holdings (tenant_id, id, fund_id, company_id, deal_stage, version, created_at, updated_at)
                values ('%s', gen_random_uuid(), '%s', '%s', 'INVESTED', 0, now(), now())""".formatted(tenant, fund, company));
    }
}
