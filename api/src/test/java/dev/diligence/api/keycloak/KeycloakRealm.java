package dev.diligence.api.keycloak;

import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The demo realm of {@code docker/keycloak/diligence-realm.json} on a running Keycloak: fetches real
 * access tokens from its token endpoint with the realm's documented demo credentials.
 */
final class KeycloakRealm {

    /** Every demo user's password (demo only, see docker/keycloak/README.md). */
    static final String DEMO_PASSWORD = "demo";

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {};

    private final String issuerUri;
    private final WebTestClient tokenEndpoint;

    KeycloakRealm(String keycloakUrl, String realm) {
        String base = keycloakUrl.endsWith("/") ? keycloakUrl.substring(0, keycloakUrl.length() - 1) : keycloakUrl;
        this.issuerUri = base + "/realms/" + realm;
        this.tokenEndpoint = WebTestClient.bindToServer()
                .baseUrl(issuerUri + "/protocol/openid-connect/token")
                .build();
    }

    /** The realm's issuer: what the API must be configured with and what {@code iss} of its tokens says. */
    String issuerUri() {
        return issuerUri;
    }

    /** An access token of a demo user, through the password grant of the public client {@code diligence-web}. */
    String userToken(String username) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "password");
        form.add("client_id", "diligence-web");
        form.add("username", username);
        form.add("password", DEMO_PASSWORD);
        form.add("scope", "openid");
        return accessToken(form);
    }

    /** An access token of a confidential client's service account (client credentials grant). */
    String clientToken(String clientId, String secret) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", clientId);
        form.add("client_secret", secret);
        return accessToken(form);
    }

    /** The {@code sub} claim of a token, read without verifying it. */
    static String subjectOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getSubject();
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    private String accessToken(MultiValueMap<String, String> form) {
        Map<String, Object> answer = tokenEndpoint
                .post()
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();
        if (answer == null || !(answer.get("access_token") instanceof String token)) {
            throw new AssertionError("Keycloak answered without an access token: " + answer);
        }
        return token;
    }
}
