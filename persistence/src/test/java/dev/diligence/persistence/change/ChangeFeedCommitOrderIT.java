package dev.diligence.persistence.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.persistence.change.FeedReader.Read;
import dev.diligence.persistence.testing.AppRoleSql;
import dev.diligence.persistence.testing.TenantRows;
import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The change feed's central promise, against real PostgreSQL with several connections as the
 * application role: a reader paging with {@code position > cursor} never misses a change and never
 * reads one twice, even when transactions commit in another order than they wrote (V019). Every step
 * is explicit: which connection writes, commits, rolls back or reads, and when; nothing waits for time.
 */
class ChangeFeedCommitOrderIT {

    private static final TestDatabase db = TestDatabase.get();
    private static final ExecutorService committer = Executors.newSingleThreadExecutor();

    @AfterAll
    static void stopCommitter() {
        committer.shutdownNow();
    }

    @Test
    void aTransactionThatWritesFirstAndCommitsLastIsReadAfterTheOneThatCommittedFirst() throws Exception {
        UUID tenant = newTenant();
        try (FeedWriter a = new FeedWriter(db, tenant);
                FeedWriter b = new FeedWriter(db, tenant);
                FeedReader reader = new FeedReader(db, tenant)) {
            UUID writtenFirst = a.writeCompany("Written first");
            UUID writtenLater = b.writeCompany("Written later");
            assertThat(reader.poll(100)).as("nothing is committed yet").isEmpty();

            b.commit();
            assertThat(reader.poll(100)).extracting(Read::entity).containsExactly(writtenLater);

            a.commit();
            assertThat(reader.poll(100))
                    .as("the late commit appears after the reader's cursor, not below it")
                    .extracting(Read::entity)
                    .containsExactly(writtenFirst);
            assertThat(reader.poll(100)).isEmpty();

            assertReadEverythingCommittedInOrderOnce(reader, tenant);
        }
    }

    @Test
    void rolledBackChangesLeaveGapsThatReadersNeverSee() throws Exception {
        UUID tenant = newTenant();
        try (FeedWriter a = new FeedWriter(db, tenant);
                FeedWriter b = new FeedWriter(db, tenant);
                FeedWriter c = new FeedWriter(db, tenant);
                FeedReader reader = new FeedReader(db, tenant)) {
            UUID rolledBack = a.writeCompany("Rolled back");
            a.numberNow();
            UUID kept = b.writeCompany("Kept");
            a.rollback();
            b.commit();
            UUID afterwards = c.writeCompany("Afterwards");
            c.commit();

            reader.drain();

            assertThat(reader.entitiesRead()).containsExactly(kept, afterwards).doesNotContain(rolledBack);
            assertReadEverythingCommittedInOrderOnce(reader, tenant);
        }
    }

    @Test
    void aReaderWhoseSnapshotPredatesACommitReadsThatCommitOnItsNextPoll() throws Exception {
        UUID tenant = newTenant();
        try (FeedWriter writer = new FeedWriter(db, tenant);
                FeedReader reader = new FeedReader(db, tenant);
                Connection snapshotReader = db.connectAsApp()) {
            UUID before = writer.writeCompany("Before the snapshot");
            writer.commit();
            UUID during = writer.writeCompany("Committed after the snapshot");

            snapshotReader.setAutoCommit(false);
            snapshotReader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            AppRoleSql.setTenant(snapshotReader, tenant);
            List<UUID> seenInOldSnapshot = entitiesAfter(snapshotReader, tenant, 0);
            writer.commit();
            List<UUID> stillOldSnapshot = entitiesAfter(snapshotReader, tenant, 0);
            snapshotReader.commit();

            assertThat(seenInOldSnapshot).containsExactly(before);
            assertThat(stillOldSnapshot)
                    .as("a snapshot taken before the commit does not see it")
                    .containsExactly(before);
            reader.drain();
            assertThat(reader.entitiesRead()).containsExactly(before, during);
            assertReadEverythingCommittedInOrderOnce(reader, tenant);
        }
    }

    /**
     * The commit-order lock itself: A numbers its change early (SET CONSTRAINTS ... IMMEDIATE takes the
     * tenant's lock now); B, written later, then cannot commit until A's transaction has ended, so B's
     * higher position can never be visible while A's lower one is not.
     */
    @Test
    void aCommitWaitsForTheTransactionThatTookALowerPosition() throws Exception {
        UUID tenant = newTenant();
        try (FeedWriter a = new FeedWriter(db, tenant);
                FeedWriter b = new FeedWriter(db, tenant);
                FeedReader reader = new FeedReader(db, tenant)) {
            UUID first = a.writeCompany("Numbered first");
            a.numberNow();
            UUID second = b.writeCompany("Numbered second");
            int pidOfB = b.backendPid();
            Future<List<UUID>> commitOfB = committer.submit(b::commit);
            while (!commitOfB.isDone() && !waitsForAnAdvisoryLock(pidOfB)) {
                Thread.onSpinWait();
            }

            List<Read> whileBWaits = reader.poll(100);
            a.commit();
            commitOfB.get();
            reader.drain();

            assertThat(whileBWaits)
                    .as("B's commit is not visible while A holds the lower position")
                    .isEmpty();
            assertThat(reader.entitiesRead()).containsExactly(first, second);
            assertReadEverythingCommittedInOrderOnce(reader, tenant);
        }
    }

    /**
     * Several writers of one tenant (and one of another tenant) open, write, commit and roll back in
     * a random interleaving while a reader polls pages of random sizes: what the reader read is
     * everything committed, in commit order, each change once, and nothing rolled back.
     */
    @Test
    void randomInterleavingsOfWritersAndAPollingReaderLoseAndRepeatNothing() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        UUID tenant = newTenant();
        UUID otherTenant = newTenant();
        List<FeedWriter> writers = new ArrayList<>();
        List<List<UUID>> committedTransactions = new ArrayList<>();
        Set<UUID> rolledBack = new HashSet<>();
        Set<UUID> otherTenantsEntities = new HashSet<>();
        try (FeedReader reader = new FeedReader(db, tenant);
                FeedWriter stranger = new FeedWriter(db, otherTenant)) {
            for (int i = 0; i < 5; i++) {
                writers.add(new FeedWriter(db, tenant));
            }
            for (int step = 0; step < 300; step++) {
                int action = random.nextInt(10);
                FeedWriter writer = writers.get(random.nextInt(writers.size()));
                if (action < 4) {
                    writer.writeCompany("Company " + step);
                } else if (action < 6 && writer.inTransaction()) {
                    committedTransactions.add(writer.commit());
                } else if (action < 7 && writer.inTransaction()) {
                    rolledBack.addAll(writer.rollback());
                } else if (action < 8) {
                    otherTenantsEntities.add(stranger.writeCompany("Stranger " + step));
                    stranger.commit();
                } else {
                    reader.poll(1 + random.nextInt(4));
                }
            }
            for (FeedWriter writer : writers) {
                if (writer.inTransaction()) {
                    committedTransactions.add(writer.commit());
                }
            }
            reader.drain();

            List<UUID> committedInCommitOrder =
                    committedTransactions.stream().flatMap(List::stream).toList();
            assertThat(reader.entitiesRead())
                    .as("seed " + seed + ": read = committed, in commit order, once each")
                    .containsExactlyElementsOf(committedInCommitOrder)
                    .doesNotContainAnyElementsOf(rolledBack)
                    .doesNotContainAnyElementsOf(otherTenantsEntities);
            assertThat(committedInCommitOrder)
                    .as("seed " + seed + ": the run committed something")
                    .isNotEmpty();
            assertReadEverythingCommittedInOrderOnce(reader, tenant);
        } finally {
            for (FeedWriter writer : writers) {
                writer.close();
            }
        }
    }

    /**
     * What the reader read is exactly the tenant's committed changes in position order, its positions
     * strictly increase (so nothing was read twice), and every committed change is numbered.
     */
    private static void assertReadEverythingCommittedInOrderOnce(FeedReader reader, UUID tenant) throws SQLException {
        List<Long> positions = reader.reads().stream().map(Read::position).toList();
        assertThat(positions).as("positions read").isSorted().doesNotHaveDuplicates();
        try (Connection admin = db.connectAsAdmin()) {
            assertThat(entitiesAfter(admin, tenant, 0))
                    .as("everything committed, by position")
                    .containsExactlyElementsOf(reader.entitiesRead());
            try (ResultSet unnumbered = admin.createStatement()
                    .executeQuery(
                            "select count(*) from changes where position is null and tenant_id = '" + tenant + "'")) {
                unnumbered.next();
                assertThat(unnumbered.getLong(1))
                        .as("committed changes without a position")
                        .isZero();
            }
        }
    }

    private static List<UUID> entitiesAfter(Connection connection, UUID tenant, long cursor) throws SQLException {
        List<UUID> entities = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select entity_id from changes where tenant_id = ? and position > ? order by position")) {
            query.setObject(1, tenant);
            query.setLong(2, cursor);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entities.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return entities;
    }

    private static boolean waitsForAnAdvisoryLock(int pid) throws SQLException {
        try (Connection admin = db.connectAsAdmin();
                PreparedStatement query = admin.prepareStatement(
                        "select count(*) from pg_locks where pid = ? and locktype = 'advisory' and not granted")) {
            query.setInt(1, pid);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1) > 0;
            }
        }
    }

    private static UUID newTenant() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            return TenantRows.insertTenant(admin, TenantRows.uniqueKey("feed"));
        }
    }
}
