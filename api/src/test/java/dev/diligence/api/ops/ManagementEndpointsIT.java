package dev.diligence.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Health probes on the separate management port, without a token; none of the actuator endpoints
 * on the API port.
 */
class ManagementEndpointsIT extends ApiIntegrationTest {

    private static String token;

    @LocalManagementPort
    private int managementPort;

    @LocalServerPort
    private int serverPort;

    @BeforeAll
    static void aUser() {
        token = usersOf(newTenant("ops-health")).fundManager();
    }

    @Test
    void livenessIsUpOnTheManagementPortWithoutAToken() {
        management()
                .get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void readinessIsUpAndIncludesTheDatabase() {
        management()
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.db.status")
                .isEqualTo("UP")
                .jsonPath("$.components.readinessState.status")
                .isEqualTo("UP");
    }

    @Test
    void infoAndPrometheusAreServedOnTheManagementPort() {
        management().get().uri("/actuator/info").exchange().expectStatus().isOk();
        management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    @Test
    void otherActuatorEndpointsAreNotExposed() {
        for (String path :
                new String[] {"/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/loggers"}) {
            HttpStatus status = HttpStatus.valueOf(management()
                    .get()
                    .uri(path)
                    .exchange()
                    .returnResult(String.class)
                    .getStatus()
                    .value());
            assertThat(status.is2xxSuccessful()).as(path).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator",
                "/actuator/health",
                "/actuator/health/liveness",
                "/actuator/health/readiness",
                "/actuator/info",
                "/actuator/prometheus"
            })
    void actuatorPathsAreRejectedOnTheApiPortWithoutAToken(String path) {
        api().get().uri(path).exchange().expectStatus().isUnauthorized();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus"})
    void actuatorPathsAreNotServedOnTheApiPortEvenWithAToken(String path) {
        api().get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private WebTestClient management() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + managementPort)
                .build();
    }

    private WebTestClient api() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + serverPort)
                .build();
    }
}
