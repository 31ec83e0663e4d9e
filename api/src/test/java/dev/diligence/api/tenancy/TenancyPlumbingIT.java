package dev.diligence.api.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diligence.api.security.Role;
import dev.diligence.api.security.SystemCaller;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.domain.fund.FundFilter;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.fund.Funds;
import dev.diligence.domain.tenant.Tenant;
import dev.diligence.domain.tenant.TenantKey;
import dev.diligence.domain.tenant.Tenants;
import dev.diligence.persistence.testing.TenantRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tenancy plumbing inside the application: the tenant set on every transaction's connection,
 * nothing carried across pooled connections, loud failures outside a tenant transaction, and the
 * adapters' own {@code tenant_id} filtering on its own even where the database would let a row through.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyPlumbingIT extends ApiIntegrationTest {

    @Autowired
    private Funds funds;

    @Autowired
    private Tenants tenants;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private JdbcTemplate jdbc;

    private Tenant tenantA;
    private Tenant tenantB;
    private UUID fundOfB;

    @BeforeAll
    void twoTenants() throws SQLException {
        String keyA = newTenant("plumb-a");
        String keyB = newTenant("plumb-b");
        tenantA = inTransaction(() -> tenants.findByKey(new TenantKey(keyA))).orElseThrow();
        tenantB = inTransaction(() -> tenants.findByKey(new TenantKey(keyB))).orElseThrow();
        try (Connection admin = DB.connectAsAdmin()) {
            TenantRows.insertFund(admin, tenantA.id().value(), "Plumbing A");
            fundOfB = TenantRows.insertFund(admin, tenantB.id().value(), "Plumbing B");
        }
    }

    @Test
    void everyTransactionOfATenantCarriesItsTenantOnTheConnection() {
        String setting = asTenant(
                tenantA,
                () -> inTransaction(
                        () -> jdbc.queryForObject("select current_setting('app.tenant_id', true)", String.class)));
        assertThat(setting).isEqualTo(tenantA.id().value().toString());
    }

    @Test
    void aPooledConnectionCarriesNoTenantIntoTheNextTransaction() {
        Map<String, Object> first = asTenant(
                tenantA,
                () -> inTransaction(() -> jdbc.queryForMap(
                        "select pg_backend_pid() as pid, current_setting('app.tenant_id', true) as tenant")));
        Map<String, Object> next = inTransaction(() ->
                jdbc.queryForMap("select pg_backend_pid() as pid, current_setting('app.tenant_id', true) as tenant"));

        assertThat(next.get("pid"))
                .as("the pool handed out the same connection again")
                .isEqualTo(first.get("pid"));
        assertThat(first.get("tenant")).isEqualTo(tenantA.id().value().toString());
        assertThat((String) next.get("tenant")).isNullOrEmpty();
    }

    @Test
    void dataAccessOutsideAnyTransactionFailsLoudly() {
        assertThatThrownBy(() -> asTenant(tenantA, () -> funds.count(FundFilter.none())))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aTransactionWithoutTenantFailsLoudlyInsteadOfSeeingNothing() {
        assertThatThrownBy(() -> inTransaction(() -> funds.count(FundFilter.none())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("need a current tenant");
    }

    @Test
    void theAdaptersFilterByTenantEvenWhereTheDatabaseWouldAllowTheRow() {
        asTenant(
                tenantA,
                () -> inTransaction(() -> {
                    // point row-level security at B for the rest of this transaction: only the adapter's SQL still says
                    // A
                    jdbc.queryForObject(
                            "select set_config('app.tenant_id', ?, true)",
                            String.class,
                            tenantB.id().value().toString());
                    assertThat(jdbc.queryForObject(
                                    "/* rls-proof */ select count(*) from funds where id = ?", Long.class, fundOfB))
                            .as("the database alone lets B's fund through")
                            .isOne();
                    assertThat(funds.find(new FundId(fundOfB)))
                            .as("the adapter's tenant_id = :tenant keeps it out")
                            .isEmpty();
                    assertThat(funds.count(FundFilter.none())).isZero();
                    return null;
                }));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactionManager).execute(status -> work.get());
    }

    private static <T> T asTenant(Tenant tenant, Supplier<T> work) {
        return SystemCaller.callAs("plumbing-test", Optional.of(tenant), Set.of(Role.TENANT_ADMIN), work);
    }
}
