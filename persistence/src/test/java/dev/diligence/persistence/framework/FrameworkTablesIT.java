package dev.diligence.persistence.framework;

import static dev.diligence.persistence.testing.AppRoleSql.count;
import static dev.diligence.persistence.testing.AppRoleSql.execute;
import static dev.diligence.persistence.testing.AppRoleSql.setTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diligence.persistence.testing.TenantRows;
import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Row-level security of the derived framework versions on its own: plain SQL as the application
 * role, with the application out of the way. Tenant A derived a version (arranged as the
 * application stores it); tenant B cannot see, extend, change or use it.
 */
class FrameworkTablesIT {

    private static final TestDatabase db = TestDatabase.get();
    private static UUID tenantA;
    private static UUID tenantB;
    private static int versionOfA;

    @BeforeAll
    static void tenantADerivedAVersion() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            tenantA = TenantRows.insertTenant(admin, TenantRows.uniqueKey("fw-tables-a"));
            tenantB = TenantRows.insertTenant(admin, TenantRows.uniqueKey("fw-tables-b"));
        }
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            versionOfA = (int) count(app, "select nextval('framework_derived_version_numbers')");
            execute(
                    app,
                    "insert into framework_versions (version, tenant_id, base_version) values (%d, '%s', 1)"
                            .formatted(versionOfA, tenantA));
            execute(app, """
                    insert into framework_version_weights (tenant_id, version, code, weight)
                    select '%s'::uuid, %d, code, weight from framework_dimensions where version = 1
                    union all select '%1$s'::uuid, %2$d, code, weight from framework_criteria where version = 1""".formatted(tenantA, versionOfA));
            app.commit();
        }
    }

    @Test
    void theDerivingTenantSeesItsVersionAndItsWeights() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            assertThat(count(
                            app,
                            "/* rls-proof */ select count(*) from framework_versions where version = " + versionOfA))
                    .isOne();
            assertThat(count(
                            app,
                            "/* rls-proof */ select count(*) from framework_version_weights where version = "
                                    + versionOfA))
                    .isEqualTo(18);
            app.rollback();
        }
    }

    @Test
    void anotherTenantSeesNeitherTheVersionNorItsWeights() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantB);
            assertThat(count(
                            app,
                            "/* rls-proof */ select count(*) from framework_versions where version = " + versionOfA))
                    .isZero();
            assertThat(count(app, "select count(*) from framework_versions where tenant_id = '" + tenantA + "'"))
                    .isZero();
            assertThat(count(
                            app,
                            "/* rls-proof */ select count(*) from framework_version_weights where version = "
                                    + versionOfA))
                    .isZero();
            assertThat(count(app, "/* rls-proof */ select count(*) from framework_versions where version = 1"))
                    .isOne();
            app.rollback();
        }
    }

    @Test
    void withoutATenantThePlatformVersionsAreReadableAndNothingElse() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            assertThat(count(
                            app, "/* rls-proof */ select count(*) from framework_versions where tenant_id is not null"))
                    .isZero();
            assertThat(count(app, "/* rls-proof */ select count(*) from framework_versions where version = 1"))
                    .isOne();
            assertThatThrownBy(() -> count(app, "/* rls-proof */ select count(*) from framework_version_weights"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("no tenant is set");
            app.rollback();
        }
    }

    @Test
    void anotherTenantCannotAddWeightsToTheVersion() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantB);
            assertThatThrownBy(() -> execute(
                            app,
                            "insert into framework_version_weights (tenant_id, version, code, weight) values ('%s', %d, 'D9', 0.1)"
                                    .formatted(tenantA, versionOfA)))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            app.rollback();
        }
    }

    @Test
    void aTenantCannotStoreAVersionOfAnotherTenantOrAPlatformVersion() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantB);
            int number = (int) count(app, "select nextval('framework_derived_version_numbers')");
            assertThatThrownBy(() -> execute(
                            app,
                            "insert into framework_versions (version, tenant_id, base_version) values (%d, '%s', 1)"
                                    .formatted(number, tenantA)))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            app.rollback();
            setTenant(app, tenantB);
            assertThatThrownBy(() -> execute(
                            app, "insert into framework_versions (version, red_flag_rules) values (999, 'DMF-RF-1')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("row-level security");
            app.rollback();
        }
    }

    @Test
    void storedVersionsCannotBeChangedOrRemoved() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            for (String change : new String[] {
                "/* rls-proof */ update framework_versions set base_version = 1 where version = " + versionOfA,
                "/* rls-proof */ delete from framework_versions where version = " + versionOfA,
                "/* rls-proof */ update framework_version_weights set weight = 0.5 where version = " + versionOfA,
                "/* rls-proof */ delete from framework_version_weights where version = " + versionOfA
            }) {
                app.setAutoCommit(false);
                setTenant(app, tenantA);
                assertThatThrownBy(() -> execute(app, change))
                        .as(change)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
                app.rollback();
            }
        }
    }

    @Test
    void derivedNumbersStayAbovePlatformNumbersAndBasesArePlatformVersions() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            assertThatThrownBy(() -> execute(
                            app,
                            "insert into framework_versions (version, tenant_id, base_version) values (7, '%s', 1)"
                                    .formatted(tenantA)))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("framework_versions_number_ranges");
            app.rollback();
            setTenant(app, tenantA);
            int number = (int) count(app, "select nextval('framework_derived_version_numbers')");
            assertThatThrownBy(() -> execute(
                            app,
                            "insert into framework_versions (version, tenant_id, base_version) values (%d, '%s', %d)"
                                    .formatted(number, tenantA, versionOfA)))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("framework_versions_base_is_platform");
            app.rollback();
        }
    }

    @Test
    void aWeightWithMoreThanFourDecimalPlacesIsRefusedButTrailingZerosAreKept() throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            int number = (int) count(app, "select nextval('framework_derived_version_numbers')");
            execute(
                    app,
                    "insert into framework_versions (version, tenant_id, base_version) values (%d, '%s', 1)"
                            .formatted(number, tenantA));
            execute(
                    app,
                    "insert into framework_version_weights (tenant_id, version, code, weight) values ('%s', %d, 'D1', 0.250000)"
                            .formatted(tenantA, number));
            assertThat(count(
                            app,
                            "select count(*) from framework_version_weights where tenant_id = '%s' and version = %d and weight::text = '0.250000'"
                                    .formatted(tenantA, number)))
                    .isOne();
            assertThatThrownBy(() -> execute(
                            app,
                            "insert into framework_version_weights (tenant_id, version, code, weight) values ('%s', %d, 'D2', 0.25001)"
                                    .formatted(tenantA, number)))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("framework_version_weights_weight_check");
            app.rollback();
        }
    }

    @Test
    void anotherTenantCannotAssessUnderTheVersion() throws SQLException {
        UUID companyOfB;
        try (Connection admin = db.connectAsAdmin()) {
            companyOfB = TenantRows.insertCompany(admin, tenantB, "Company of B");
        }
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            setTenant(app, tenantB);
            assertThatThrownBy(() -> execute(app, assessment(tenantB, companyOfB, versionOfA)))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("framework version " + versionOfA + " does not exist");
            app.rollback();
            setTenant(app, tenantB);
            execute(app, assessment(tenantB, companyOfB, 1));
            app.rollback();
        }
    }

    private static String assessment(UUID tenant, UUID company, int frameworkVersion) {
        return """
                insert into assessments (tenant_id, id, company_id, framework_version, status, models_in_production, eu_ai_act_tier,
                    sensitive_domains, fairness_mitigation_documented, lead_assessor, version, created_at, updated_at)
                values ('%s', gen_random_uuid(), '%s', %d, 'DRAFT', false, 'UNCLASSIFIED', '{}', false, 'alice', 0, now(), now())""".formatted(tenant, company, frameworkVersion);
    }
}
