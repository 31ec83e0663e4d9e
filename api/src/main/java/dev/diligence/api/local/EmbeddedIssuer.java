package dev.diligence.api.local;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-process OpenID Connect issuer (mock-oauth2-server) that signs real RS256 tokens for the
 * {@link DemoUser}s. It listens on 127.0.0.1 only: the issuer in tokens is taken from the request's
 * host, so every client must use that one host name.
 */
final class EmbeddedIssuer implements AutoCloseable {

    static final String ISSUER_ID = "diligence";

    private final MockOAuth2Server server;
    private final int port;

    private EmbeddedIssuer(MockOAuth2Server server, int port) {
        this.server = server;
        this.port = port;
    }

    static EmbeddedIssuer start(int port, String audience, String tenantClaim, String rolesClient) {
        MockOAuth2Server server =
                new MockOAuth2Server(OAuth2Config.Companion.fromJson(config(audience, tenantClaim, rolesClient)));
        try {
            server.start(InetAddress.getByName("127.0.0.1"), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return new EmbeddedIssuer(server, port);
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
    }

    private static String config(String audience, String tenantClaim, String rolesClient) {
        List<Map<String, Object>> mappings = DemoUser.ALL.stream()
                .map(user -> {
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
                    return Map.<String, Object>of("requestParam", "client_id", "match", user.login(), "claims", claims);
                })
                .toList();
        Map<String, Object> callback = Map.of("issuerId", ISSUER_ID, "tokenExpiry", 3600, "requestMappings", mappings);
        Map<String, Object> config = Map.of("interactiveLogin", false, "tokenCallbacks", List.of(callback));
        return JsonMapper.builder().build().writeValueAsString(config);
    }
}
