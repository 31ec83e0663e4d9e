package dev.diligence.api.support;

import com.nimbusds.jwt.SignedJWT;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        return token(subject, AUDIENCE, userClaims(subject, tenantKey, realmRoles));
    }

    /**
     * A signed token like {@link #token(String, String, String...)} but with the {@code sub} claim
     * {@code subject} as it is: {@code null} leaves the claim out, and an empty or blank one stays.
     */
    public String tokenWithSubjectClaim(String subject, String tenantKey, String... realmRoles) {
        Map<String, Object> claims = userClaims("without subject", tenantKey, realmRoles);
        claims.put("sub", subject);
        String token = token("replaced-by-the-sub-claim", AUDIENCE, claims);
        try {
            if (!Objects.equals(SignedJWT.parse(token).getJWTClaimsSet().getSubject(), subject)) {
                throw new IllegalStateException("the issuer did not take the sub claim " + subject);
            }
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        return token;
    }

    private static Map<String, Object> userClaims(String subject, String tenantKey, String... realmRoles) {
        Map<String, Object> claims = new HashMap<>();
        if (tenantKey != null) {
            claims.put("tenant", tenantKey);
        }
        claims.put("name", "User " + subject);
        claims.put("realm_access", Map.of("roles", List.of(realmRoles)));
        return claims;
    }

    /** A signed token with exactly these extra claims. */
    public String token(String subject, String audience, Map<String, Object> claims) {
        return server.issueToken(ISSUER_ID, subject, audience, claims).serialize();
    }
}
