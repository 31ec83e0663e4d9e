package dev.diligence.persistence.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.diligence.domain.tenant.TenantId;
import dev.diligence.persistence.testing.PersistenceSlice;
import dev.diligence.persistence.testing.TenantRows;
import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction whose connection breaks while its tenant settings are made (the database restarted
 * under it) fails, and leaves nothing behind: no connection bound to the thread,
 * no connection held from the pool. The thread's next transaction starts on a good connection and
 * sees its tenant's rows. (Before, the failed begin left its resources bound to the thread, and every
 * later transaction of that thread joined the dead one: "Connection is closed", or rows hidden.)
 */
@SpringBootTest(classes = PersistenceSlice.class)
class BrokenConnectionAtBeginIT {

    private static final TestDatabase db = TestDatabase.get();
    private static UUID tenant;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PersistenceSlice.register(registry);
    }

    @Autowired
    HikariDataSource pool;

    /** Set to make the next read of the current tenant kill the connection its transaction just took. */
    private final AtomicBoolean breakNextBegin = new AtomicBoolean();

    @BeforeAll
    static void aTenantWithTwoFunds() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            tenant = TenantRows.insertTenant(admin, TenantRows.uniqueKey("broken-begin"));
            TenantRows.insertFund(admin, tenant, "First");
            TenantRows.insertFund(admin, tenant, "Second");
        }
    }

    @AfterEach
    void nothingBoundToTheThread() {
        assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
    }

    @Test
    void aBeginWhoseSettingsFailReleasesEverythingAndTheNextTransactionWorks() {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager());
        breakNextBegin.set(true);

        assertThatThrownBy(() -> transactions.execute(status -> countFunds())).isInstanceOf(TransactionException.class);

        assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
        assertThat(TransactionSynchronizationManager.isActualTransactionActive())
                .isFalse();
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        Long funds = transactions.execute(status -> countFunds());
        assertThat(funds).isEqualTo(2L);
    }

    private long countFunds() {
        return new JdbcTemplate(pool).queryForObject("select count(*) from funds", Long.class);
    }

    /** The application's transaction manager, set up as Spring does, with a current tenant that can break its own connection. */
    private TenantTransactionManager transactionManager() {
        CurrentTenant killing = () -> {
            if (breakNextBegin.getAndSet(false)) {
                terminateApplicationConnections();
            }
            return Optional.of(new TenantId(tenant));
        };
        TenantTransactionManager manager = new TenantTransactionManager(pool, killing, () -> FundScope.TENANT_WIDE);
        manager.afterPropertiesSet();
        return manager;
    }

    /** What a database restart does to the pool: every connection of the application role is cut. */
    private static void terminateApplicationConnections() {
        try (Connection admin = db.connectAsAdmin();
                Statement statement = admin.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where usename = '"
                    + db.roles().app() + "' and pid <> pg_backend_pid()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
