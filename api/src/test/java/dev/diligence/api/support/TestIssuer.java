package dev.diligence.api.support;

import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real OpenID Connect issuer for the tests (mock-oauth2-server on 127.0.0.1): it publishes its
 * metadata and key set, and signs RS256 tokens with whatever claims a test needs.
 */
public final class TestIssuer {

    public static final String ISSUER_ID = "diligence-test";
    public static final String AUDIENCE = "diligence-api";

    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    /** The issuer's OAuth2 token endpoint: any grant, client ID and secret is answered (see {@link #enqueueEndpointToken}). */
    public String tokenEndpoint() {
        return server.tokenEndpointUrl(ISSUER_ID).toString();
    }

    /**
     * Decides the token endpoint's next token: a user of {@code tenantKey} holding the given realm
     * roles, for the audience the API expects, whose {@code exp} (and so the answer's
     * {@code expires_in}) is {@code lifetimeSeconds} from now; a negative lifetime beyond the API's
     * clock skew makes a token the API refuses as expired. Tokens are handed out in the order they
     * were enqueued, one per token request; with none enqueued the endpoint answers
     * mock-oauth2-server's default token (no tenant, no roles, another audience), which the API refuses.
     */
    public void enqueueEndpointToken(String subject, String tenantKey, long lifetimeSeconds, String... realmRoles) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(
                ISSUER_ID,
                subject,
                "JWT",
                List.of(AUDIENCE),
                userClaims(subject, tenantKey, realmRoles),
                lifetimeSeconds));
    }

    /**
     * Takes back the tokens enqueued for the token endpoint that no client fetched (a test that
     * failed), so that the next test's clients get its own: requests tokens until the endpoint
     * answers its default token, which has no {@code tenant} claim.
     */
    public void discardEnqueuedEndpointTokens() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=discard&client_secret=discard"))
                .build();
        try {
            for (int i = 0; i < 100; i++) {
                String body =
                        http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                String token = JSON.readTree(body).path("access_token").asString();
                if (SignedJWT.parse(token).getJWTClaimsSet().getClaim("tenant") == null) {
                    return;
                }
            }
            throw new IllegalStateException("more than 100 tokens were enqueued for the token endpoint");
        } catch (IOException | ParseException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
