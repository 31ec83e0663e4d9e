package dev.diligence.persistence.testing;

import dev.diligence.persistence.provisioning.DatabaseProvisioner;
import dev.diligence.persistence.provisioning.DatabaseRoles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL of the integration tests, one per test JVM, found in this order:
 * <ol>
 *   <li>{@code DILIGENCE_TEST_DB_URL}: a JDBC URL of an existing server, with an administrator's
 *       {@code DILIGENCE_TEST_DB_USER} (default {@code postgres}) and {@code DILIGENCE_TEST_DB_PASSWORD};</li>
 *   <li>Testcontainers, when a Docker engine is reachable;</li>
 *   <li>an embedded PostgreSQL (zonky), which needs nothing installed.</li>
 * </ol>
 * On that server it provisions the deployment's two roles and a fresh database (dropped when the
 * JVM exits), migrated by Flyway as the owner. Tests connect as the application role, so row-level
 * security applies to them exactly as in production.
 */
public final class TestDatabase {

    public static final String OWNER_ROLE = "diligence_test_owner";
    public static final String APP_ROLE = "diligence_test_app";

    private static TestDatabase instance;

    private final String source;
    private final String jdbcUrl;
    private final DatabaseRoles roles;
    private final AdminConnection admin;

    private TestDatabase(String source, String jdbcUrl, DatabaseRoles roles, AdminConnection admin) {
        this.source = source;
        this.jdbcUrl = jdbcUrl;
        this.roles = roles;
        this.admin = admin;
    }

    /** Opens administrator connections to the server (not to the test database). */
    @FunctionalInterface
    interface AdminConnection {
        Connection open(String database) throws SQLException;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** Where the server came from: environment, testcontainers or embedded. */
    public String source() {
        return source;
    }

    /** JDBC URL of the migrated test database. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public DatabaseRoles roles() {
        return roles;
    }

    /** A new connection as the application role (row-level security applies). */
    public Connection connectAsApp() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, roles.app(), roles.appPassword());
    }

    /** A new connection as the schema owner (row-level security is forced on it too). */
    public Connection connectAsOwner() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, roles.owner(), roles.ownerPassword());
    }

    /** A new superuser connection to the test database, for arranging data behind the application's back. */
    public Connection connectAsAdmin() throws SQLException {
        return admin.open(databaseName());
    }

    /** Spring Boot properties that point an application at this database. */
    public Map<String, String> springProperties() {
        return Map.of(
                "spring.datasource.url", jdbcUrl,
                "spring.datasource.username", roles.app(),
                "spring.datasource.password", roles.appPassword(),
                "spring.flyway.user", roles.owner(),
                "spring.flyway.password", roles.ownerPassword());
    }

    private String databaseName() {
        return jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
    }

    private static TestDatabase start() {
        String url = System.getenv("DILIGENCE_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            String user = envOr("DILIGENCE_TEST_DB_USER", "postgres");
            String password = envOr("DILIGENCE_TEST_DB_PASSWORD", "");
            String base = url.substring(0, url.lastIndexOf('/') + 1);
            return provision(
                    "environment",
                    base,
                    database -> DriverManager.getConnection(base + database, user, password),
                    url.substring(url.lastIndexOf('/') + 1));
        }
        if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            String base = "jdbc:postgresql://" + container.getHost() + ":" + container.getFirstMappedPort() + "/";
            return provision(
                    "testcontainers",
                    base,
                    database -> DriverManager.getConnection(
                            base + database, container.getUsername(), container.getPassword()),
                    container.getDatabaseName());
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            String base = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/";
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (Exception ignored) {
                    // the JVM is exiting; the data directory is temporary anyway
                }
            }));
            return provision(
                    "embedded",
                    base,
                    database -> DriverManager.getConnection(base + database, "postgres", "postgres"),
                    "postgres");
        } catch (Exception e) {
            throw new IllegalStateException("could not start an embedded PostgreSQL", e);
        }
    }

    private static TestDatabase provision(String source, String base, AdminConnection admin, String adminDatabase) {
        DatabaseRoles roles =
                new DatabaseRoles(OWNER_ROLE, "owner-" + UUID.randomUUID(), APP_ROLE, "app-" + UUID.randomUUID());
        String database = "diligence_it_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection connection = admin.open(adminDatabase)) {
            DatabaseProvisioner provisioner = new DatabaseProvisioner(connection);
            provisioner.ensureRoles(roles);
            provisioner.ensureDatabase(database, roles);
        } catch (SQLException e) {
            throw new IllegalStateException("could not provision the test database", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection connection = admin.open(adminDatabase)) {
                new DatabaseProvisioner(connection).dropDatabase(database);
            } catch (SQLException ignored) {
                // best effort: an embedded server disappears with its JVM anyway
            }
        }));
        String jdbcUrl = base + database;
        Flyway.configure()
                .dataSource(jdbcUrl, roles.owner(), roles.ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", roles.app()))
                .load()
                .migrate();
        return new TestDatabase(source, jdbcUrl, roles, admin);
    }

    private static boolean dockerAvailable() {
        boolean configured = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!configured) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable unavailable) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
