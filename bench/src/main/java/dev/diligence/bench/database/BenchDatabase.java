package dev.diligence.bench.database;

import dev.diligence.persistence.provisioning.DatabaseProvisioner;
import dev.diligence.persistence.provisioning.DatabaseRoles;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * A benchmark database on a PostgreSQL server reached as a superuser: recreated empty with the
 * deployment's roles (the app role owns nothing and cannot bypass row-level security), migrated by
 * Flyway as the owner exactly like the application's database, then loaded through superuser
 * connections (superusers bypass row-level security, which COPY FROM requires).
 */
public final class BenchDatabase {

    public static final String OWNER_ROLE = "diligence_owner";
    public static final String APP_ROLE = "diligence_app";

    private final String serverUrl;
    private final String adminUser;
    private final String name;
    private final DatabaseRoles roles;

    public BenchDatabase(String serverUrl, String adminUser, String name, String ownerPassword, String appPassword) {
        this.serverUrl = serverUrl;
        this.adminUser = adminUser;
        this.name = name;
        this.roles = new DatabaseRoles(OWNER_ROLE, ownerPassword, APP_ROLE, appPassword);
    }

    /** Drops the database if it exists and creates it again, owned by the owner role, without JIT. */
    public void recreate() throws SQLException {
        try (Connection admin = DriverManager.getConnection(serverUrl + "postgres", adminUser, "")) {
            DatabaseProvisioner provisioner = new DatabaseProvisioner(admin);
            provisioner.ensureRoles(roles);
            provisioner.dropDatabase(name);
            provisioner.ensureDatabase(name, roles);
            try (Statement statement = admin.createStatement()) {
                // benchmark queries are short; JIT compilation would only add noise to their latencies
                statement.execute("alter database " + name + " set jit = off");
            }
        }
    }

    /** Applies every migration as the owner, with the placeholders the application passes. */
    public void migrate() {
        Flyway.configure()
                .dataSource(url(), roles.owner(), roles.ownerPassword())
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", roles.app()))
                .load()
                .migrate();
    }

    /** A new superuser connection to this database. */
    public Connection connectAsAdmin() throws SQLException {
        return DriverManager.getConnection(url(), adminUser, "");
    }

    /** A new connection as the application role: row-level security applies. */
    public Connection connectAsApp() throws SQLException {
        return DriverManager.getConnection(url(), roles.app(), roles.appPassword());
    }

    public String name() {
        return name;
    }

    private String url() {
        return serverUrl + name;
    }
}
