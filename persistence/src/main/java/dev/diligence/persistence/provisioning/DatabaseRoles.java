package dev.diligence.persistence.provisioning;

import java.util.regex.Pattern;

/**
 * The two database roles of a deployment. The owner owns the schema and runs the migrations; the
 * application connects as {@code app}, which owns nothing, cannot bypass row-level security and is
 * not a member of the owner, so every policy applies to it.
 */
public record DatabaseRoles(String owner, String ownerPassword, String app, String appPassword) {

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public DatabaseRoles {
        requireRoleName(owner);
        requireRoleName(app);
        if (owner.equals(app)) {
            throw new IllegalArgumentException("the owner and application roles must differ");
        }
    }

    static void requireRoleName(String name) {
        if (name == null || !ROLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain role or database name: " + name);
        }
    }
}
