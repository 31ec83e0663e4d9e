package dev.diligence.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code diligence.cors.allowed-origins} through the real security filter chain: a configured
 * front end's preflight is answered before authentication, its requests get CORS headers (also on a
 * 401, so its script can see it must sign in again), and any other origin is refused.
 */
@TestPropertySource(properties = "diligence.cors.allowed-origins=http://localhost:3000, https://app.example.com")
class CorsIT extends ApiIntegrationTest {

    private static String token;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void aTenantAdmin() {
        token = usersOf(newTenant("cors")).tenantAdmin();
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    private WebTestClient.ResponseSpec preflight(String origin) {
        return client().method(HttpMethod.OPTIONS)
                .uri("/graphql")
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type")
                .exchange();
    }

    @Test
    void answersTheFrontEndsPreflightWithoutAToken() {
        preflight("https://app.example.com")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.example.com")
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                        methods -> assertThat(methods).contains("POST"))
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> assertThat(headers.toLowerCase())
                                .contains("authorization")
                                .contains("content-type"))
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
    }

    @Test
    void letsTheFrontEndReadAnswersAndTheRequestId() {
        client().post()
                .uri("/graphql")
                .header(HttpHeaders.ORIGIN, "http://localhost:3000")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ viewer { subject } }\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000")
                .expectHeader()
                .value(
                        HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> assertThat(exposed).contains("X-Request-Id"))
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("\"viewer\""));
    }

    @Test
    void anUnauthenticatedRequestOfTheFrontEndIsStill401WithCorsHeaders() {
        client().post()
                .uri("/graphql")
                .header(HttpHeaders.ORIGIN, "http://localhost:3000")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ viewer { subject } }\"}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000");
    }

    @Test
    void refusesOtherOrigins() {
        preflight("https://evil.example")
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        client().post()
                .uri("/graphql")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ viewer { subject } }\"}")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }
}
