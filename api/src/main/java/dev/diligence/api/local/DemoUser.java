package dev.diligence.api.local;

import dev.diligence.api.security.Role;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A user of the embedded token issuer. Its token is one request away:
 * {@code curl -d grant_type=client_credentials -d client_id=<login> -d client_secret=demo <issuer>/token}.
 */
record DemoUser(String login, String name, @Nullable String tenantKey, Role role) {

    static final String NORTHWIND = "northwind-capital";
    static final String HARBOR = "harbor-ventures";

    static final List<DemoUser> ALL = List.of(
            new DemoUser("root", "Platform Administrator", null, Role.PLATFORM_ADMIN),
            new DemoUser("alice", "Alice Admin", NORTHWIND, Role.TENANT_ADMIN),
            new DemoUser("frank", "Frank Fund-Manager", NORTHWIND, Role.FUND_MANAGER), // granted one fund only
            new DemoUser("ada", "Ada Assessor", NORTHWIND, Role.ASSESSOR),
            new DemoUser("rita", "Rita Reviewer", NORTHWIND, Role.REVIEWER),
            new DemoUser("sync-bot", "CRM sync", NORTHWIND, Role.INTEGRATION),
            new DemoUser("bob", "Bob Admin", HARBOR, Role.TENANT_ADMIN));
}
