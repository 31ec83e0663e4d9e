package dev.diligence.api.local;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-process OpenID Connect issuer (mock-oauth2-server) that signs real RS256 tokens for the
 * {@link DemoUser}s. It listens on 127.0.0.1 only: the issuer in tokens is taken from the request's
 * host, so every client must use that one host name.
 *
 * <p>Two ways to a demo user's token, with the same claims: the client-credentials grant with the
 * user's login as {@code client_id} (scripts, GraphiQL's picker), and the authorization-code flow
 * with PKCE (the portfolio page), whose sign-in page ({@link DemoSignInPage}) lists the demo users
 * and posts the chosen login as the username, which the issuer matches as {@code subject}.
 */
final class EmbeddedIssuer implements AutoCloseable {

    static final String ISSUER_ID = "diligence";

    private final MockOAuth2Server server;
    private final int port;
    private final Path signInPage;

    private EmbeddedIssuer(MockOAuth2Server server, int port, Path signInPage) {
        this.server = server;
        this.port = port;
        this.signInPage = signInPage;
    }

    static EmbeddedIssuer start(int port, String audience, String tenantClaim, String rolesClient) {
        Path signInPage = DemoSignInPage.write();
        MockOAuth2Server server = new MockOAuth2Server(
                OAuth2Config.Companion.fromJson(config(audience, tenantClaim, rolesClient, signInPage)));
        try {
            server.start(InetAddress.getByName("127.0.0.1"), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return new EmbeddedIssuer(server, port, signInPage);
    }

    String issuerUri() {
        return "http://127.0.0.1:" + port + "/" + ISSUER_ID;
    }

    String tokenEndpoint() {
        return issuerUri() + "/token";
    }

    @Override
    public void close() {
        server.shutdown();
        DemoSignInPage.delete(signInPage);
    }

    /**
     * One mapping per demo user and way in: {@code client_id} for the client-credentials grant,
     * {@code subject} (the sign-in page's username) for the authorization-code flow.
     */
    private static String config(String audience, String tenantClaim, String rolesClient, Path signInPage) {
        List<Map<String, Object>> mappings = DemoUser.ALL.stream()
                .flatMap(user -> Stream.of("client_id", "subject").map(param -> {
                    Map<String, Object> claims = new LinkedHashMap<>();
                    claims.put("sub", user.login());
                    claims.put("name", user.name());
                    claims.put("preferred_username", user.login());
                    claims.put("aud", List.of(audience));
                    if (user.tenantKey() != null) {
                        claims.put(tenantClaim, user.tenantKey());
                    }
                    claims.put(
                            "realm_access", Map.of("roles", List.of(user.role().claimName())));
                    claims.put("resource_access", Map.of(rolesClient, Map.of("roles", List.of())));
                    return Map.<String, Object>of("requestParam", param, "match", user.login(), "claims", claims);
                }))
                .toList();
        Map<String, Object> callback = Map.of("issuerId", ISSUER_ID, "tokenExpiry", 3600, "requestMappings", mappings);
        Map<String, Object> config = Map.of(
                "interactiveLogin", true, "loginPagePath", signInPage.toString(), "tokenCallbacks", List.of(callback));
        return JsonMapper.builder().build().writeValueAsString(config);
    }
}
