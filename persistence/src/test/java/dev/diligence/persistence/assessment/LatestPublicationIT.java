package dev.diligence.persistence.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.persistence.testing.AppRoleSql;
import dev.diligence.persistence.testing.TenantRows;
import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * V025's flag of each company's latest publication, written by the database in the transaction that
 * publishes or retracts, as the application role under row-level security: it follows publications
 * and retractions, breaks ties of publication time by id as {@code LatestPublished} does, and two
 * concurrent publications for one company leave exactly one flag.
 */
class LatestPublicationIT {

    private static final TestDatabase db = TestDatabase.get();
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private UUID tenant;
    private UUID company;

    @BeforeEach
    void aCompany() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            tenant = TenantRows.insertTenant(admin, TenantRows.uniqueKey("latest"));
            company = TenantRows.insertCompany(admin, tenant, "Latest Co");
        }
    }

    @Test
    void theFlagFollowsPublicationsAndRetractions() throws SQLException {
        UUID first = draft();
        UUID second = draft();
        UUID draft = draft();
        assertThat(flagged()).isEmpty();

        publish(first, T0);
        assertThat(flagged()).containsExactly(first);
        publish(second, T0.plusSeconds(60));
        assertThat(flagged()).containsExactly(second);

        retract(second);
        assertThat(flagged()).as("the earlier publication is the latest again").containsExactly(first);
        retract(first);
        assertThat(flagged())
                .as("no publication left; the draft is never flagged")
                .isEmpty();
    }

    @Test
    void anOlderPublicationDoesNotTakeTheFlagAndTiesGoToTheGreaterId() throws SQLException {
        UUID newer = draft();
        UUID older = draft();
        publish(newer, T0.plusSeconds(60));
        publish(older, T0);
        assertThat(flagged()).containsExactly(newer);

        UUID a = draft();
        UUID b = draft();
        publish(a, T0.plusSeconds(120));
        publish(b, T0.plusSeconds(120));
        // uuids compare bytewise in PostgreSQL, as LatestPublished compares them
        assertThat(flagged()).containsExactly(greatest(a, b));
    }

    @Test
    @Timeout(60) // a bound on a hang should the lock never be taken, not a measure of time
    void twoConcurrentPublicationsForOneCompanyLeaveOneFlag() throws Exception {
        UUID earlier = draft();
        UUID later = draft();
        try (Connection first = db.connectAsApp();
                Connection second = db.connectAsApp()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            AppRoleSql.setTenant(first, tenant);
            AppRoleSql.setTenant(second, tenant);
            execute(first, publishing(later, T0.plusSeconds(60)));
            int firstPid = pid(first);
            int secondPid = pid(second);
            // the second publication waits for the first's lock on the company until the first commits
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                try {
                    execute(second, publishing(earlier, T0));
                    second.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitBlockedBy(secondPid, firstPid);
            first.commit();
            waiting.join();
        }
        assertThat(flagged()).containsExactly(later);
    }

    private UUID draft() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            return AssessmentRows.insertAssessment(admin, tenant, company);
        }
    }

    private void publish(UUID assessment, Instant at) throws SQLException {
        asApp(publishing(assessment, at));
    }

    private String publishing(UUID assessment, Instant at) {
        return """
                update assessments set status = 'PUBLISHED', published_by = 'rita', published_at = '%s',
                    level_suppressed = false, deal_level_red_flag = false
                where tenant_id = '%s' and id = '%s'""".formatted(at, tenant, assessment);
    }

    private void retract(UUID assessment) throws SQLException {
        asApp("""
                update assessments set status = 'RETRACTED', retracted_by = 'admin', retraction_reason = 'wrong entity',
                    retracted_at = now()
                where tenant_id = '%s' and id = '%s'""".formatted(tenant, assessment));
    }

    private void asApp(String sql) throws SQLException {
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            AppRoleSql.setTenant(app, tenant);
            execute(app, sql);
            app.commit();
        }
    }

    private List<UUID> flagged() throws SQLException {
        List<UUID> flagged = new ArrayList<>();
        try (Connection app = db.connectAsApp()) {
            app.setAutoCommit(false);
            AppRoleSql.setTenant(app, tenant);
            try (Statement statement = app.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "select id from assessments where tenant_id = '%s' and company_id = '%s' and latest_publication"
                                    .formatted(tenant, company))) {
                while (rows.next()) {
                    flagged.add(rows.getObject(1, UUID.class));
                }
            }
            app.rollback();
        }
        return flagged;
    }

    private static UUID greatest(UUID a, UUID b) throws SQLException {
        try (Connection admin = db.connectAsAdmin();
                Statement statement = admin.createStatement();
                ResultSet row = statement.executeQuery("select greatest('%s'::uuid, '%s'::uuid)".formatted(a, b))) {
            row.next();
            return row.getObject(1, UUID.class);
        }
    }

    /** Polls the server until {@code waiter} is blocked by {@code holder}: a condition, not a timed sleep. */
    private static void awaitBlockedBy(int waiter, int holder) throws SQLException, InterruptedException {
        try (Connection admin = db.connectAsAdmin();
                Statement statement = admin.createStatement()) {
            while (true) {
                try (ResultSet row =
                        statement.executeQuery("select %d = any(pg_blocking_pids(%d))".formatted(holder, waiter))) {
                    row.next();
                    if (row.getBoolean(1)) {
                        return;
                    }
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("still not blocked: the publications were not serialized");
                }
                Thread.onSpinWait();
            }
        }
    }

    private static int pid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
