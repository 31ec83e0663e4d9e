package dev.diligence.api.fault;

import dev.diligence.persistence.provisioning.DatabaseProvisioner;
import dev.diligence.persistence.provisioning.DatabaseRoles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL cluster of the test's own (initdb into a temporary directory, a free port), which the
 * test may stop, start, restart and crash while the application uses it: the data directory and the
 * port stay the same, so the application's connection URL stays valid. Provisioned as a deployment
 * is: the schema owner, the application role (row-level security applies to it) and one database.
 */
final class PrivateCluster implements AutoCloseable {

    private static final String DATABASE = "diligence";

    private final Path dataDirectory;
    private final int port;
    private final DatabaseRoles roles = new DatabaseRoles(
            "diligence_owner", "owner-" + UUID.randomUUID(), "diligence_app", "app-" + UUID.randomUUID());
    private EmbeddedPostgres server;

    private PrivateCluster(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static PrivateCluster startProvisioned() {
        try {
            PrivateCluster cluster = new PrivateCluster(Files.createTempDirectory("diligence-fault-pg"), freePort());
            cluster.start();
            try (Connection admin = cluster.connectAsAdmin("postgres")) {
                DatabaseProvisioner provisioner = new DatabaseProvisioner(admin);
                provisioner.ensureRoles(cluster.roles);
                provisioner.ensureDatabase(DATABASE, cluster.roles);
            }
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not provision the private cluster", e);
        }
    }

    /** Spring Boot properties that point the application at this cluster, as its application role. */
    Map<String, String> springProperties() {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
        return Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", roles.app(),
                "spring.datasource.password", roles.appPassword(),
                "spring.flyway.user", roles.owner(),
                "spring.flyway.password", roles.ownerPassword());
    }

    /** A superuser connection to the application's database, behind the application's back. */
    Connection connectAsAdmin() throws SQLException {
        return connectAsAdmin(DATABASE);
    }

    /** Starts the server on the same data directory and port (recovering from the write-ahead log after a crash). */
    void start() throws IOException {
        server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                // PostgreSQL's default, as in production; zonky turns it off, and then a crash loses
                // commits that were already acknowledged (the WAL is not yet written when they return)
                .setServerConfig("synchronous_commit", "on")
                .setPort(port)
                .start();
    }

    /** {@code pg_ctl stop -m fast}: clients are disconnected, the server shuts down cleanly. */
    void stop() throws IOException {
        server.close();
    }

    /**
     * {@code kill -9} of the postmaster (its PID is the first line of {@code postmaster.pid}; the process
     * {@link EmbeddedPostgres#getProcess()} holds is {@code pg_ctl start}, long gone). Returns once the
     * postmaster and every backend it had are gone, so the next {@link #start()} finds its shared
     * memory free.
     */
    void crash() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                .get(0)
                .strip());
        ProcessHandle postmaster =
                ProcessHandle.of(pid).orElseThrow(() -> new IOException("no postmaster with PID " + pid));
        List<ProcessHandle> processes = new ArrayList<>(postmaster.descendants().toList());
        processes.add(postmaster);
        postmaster.destroyForcibly();
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("process " + process.pid() + " of the crashed server did not end", e);
            }
        }
        server.close(); // releases the data directory's lock; its pg_ctl stop finds no server and says so
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private Connection connectAsAdmin(String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "postgres");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
