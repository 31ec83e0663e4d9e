package dev.diligence.api.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * A real OpenID Connect issuer for the tests (mock-oauth2-server on 127.0.0.1): it publishes its
 * metadata and key set, and signs RS256 tokens with whatever claims a test needs.
 */
public final class TestIssuer {

    public static final String ISSUER_ID = "diligence-test";
    public static final String AUDIENCE = "diligence-api";

    private static TestIssuer instance;

    private final MockOAuth2Server server;

    private TestIssuer(MockOAuth2Server server) {
        this.server = server;
    }

    public static synchronized TestIssuer get() {
        if (instance == null) {
            MockOAuth2Server server = new MockOAuth2Server();
            try {
                server.start(InetAddress.getByName("127.0.0.1"), 0);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
            instance = new TestIssuer(server);
        }
        return instance;
    }

    public String issuerUri() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    /** A signed token of a user of {@code tenantKey} (null for none) holding the given realm roles. */
    public String token(String subject, String tenantKey, String... realmRoles) {
        Map<String, Object> claims = new HashMap<>();
        if (tenantKey != null) {
            claims.put("tenant", tenantKey);
        }
        claims.put("name", "User " + subject);
        claims.put("realm_access", Map.of("roles", List.of(realmRoles)));
        return token(subject, AUDIENCE, claims);
    }

    /** A signed token with exactly these extra claims. */
    public String token(String subject, String audience, Map<String, Object> claims) {
        return server.issueToken(ISSUER_ID, subject, audience, claims).serialize();
    }
}
