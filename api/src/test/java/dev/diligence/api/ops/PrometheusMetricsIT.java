package dev.diligence.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The Prometheus endpoint serves GraphQL request and data-fetching timings tagged with bounded
 * operation names, and HikariCP, JVM and HTTP server metrics; no tag carries a tenant key or a
 * client-chosen name that is not bounded.
 */
class PrometheusMetricsIT extends ApiIntegrationTest {

    private static final String LONG_NAME = "OpsUnbounded" + "x".repeat(80);

    private static String tenantKey;
    private static String token;

    @LocalManagementPort
    private int managementPort;

    @BeforeAll
    static void aUser() {
        tenantKey = newTenant("ops-metrics");
        token = usersOf(tenantKey).fundManager();
    }

    @Test
    void prometheusShowsGraphQlTimingsPoolJvmAndHttpMetricsWithoutFreeText() {
        CompanyFixtures.createFund(graphQl(usersOf(tenantKey).tenantAdmin()), "Metrics fund");
        // a name is a tag once operations of it succeeded 3 times; one that only fails never is
        for (int i = 0; i < 3; i++) {
            query("OpsMetricsProbe");
            refused("OpsJunkProbe" + i);
        }
        query(LONG_NAME);

        String metrics = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + managementPort)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(metrics)
                .containsPattern(
                        "graphql_request_seconds_count\\{[^}]*graphql_operation_name=\"OpsMetricsProbe\"[^}]*\\} [1-9]")
                .containsPattern("graphql_request_seconds_count\\{[^}]*graphql_operation_name=\"other\"")
                .containsPattern("graphql_request_seconds_count\\{[^}]*graphql_operation_type=\"query\"")
                .containsPattern("graphql_request_seconds_count\\{[^}]*graphql_outcome=\"SUCCESS\"")
                .containsPattern("graphql_datafetcher_seconds_count\\{[^}]*graphql_field_name=\"viewer\"")
                .contains("hikaricp_connections_active")
                .contains("jvm_memory_used_bytes")
                .contains("http_server_requests_seconds_count")
                .containsPattern(
                        "diligence_limits_refusals_total\\{[^}]*classification=\"MAX_DEPTH_EXCEEDED\"[^}]*\\} [1-9]")
                .containsPattern(
                        "diligence_refusals_total\\{[^}]*classification=\"METHOD_NOT_ALLOWED\"[^}]*status=\"405\"[^}]*\\} [1-9]")
                .containsPattern("diligence_changes_newest_position\\{[^}]*\\} [1-9]");
        assertThat(metrics)
                .doesNotContain(tenantKey)
                .doesNotContain("OpsUnbounded")
                .doesNotContain("OpsJunkProbe")
                .doesNotContain("graphql_execution_id");
        assertThat(metrics)
                .as("Spring Security observes nothing (SecurityConfiguration.securityObservationSettings)")
                .doesNotContain("spring_security_filterchains")
                .doesNotContain("spring_security_authentications")
                .doesNotContain("spring_security_authorizations");
    }

    /** A request refused for its depth, and one with a method the endpoint refuses (405). */
    private void refused(String operationName) {
        String deep = "query " + operationName + " { viewer { subject } " + "funds { nodes { ".repeat(6) + "id"
                + " } }".repeat(6) + " }";
        http().mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build()
                .post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", deep, "operationName", operationName))
                .exchange()
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("MAX_DEPTH_EXCEEDED");
        http().mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build()
                .put()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ viewer { subject } }"))
                .exchange()
                .expectStatus()
                .isEqualTo(405);
    }

    private void query(String operationName) {
        http().mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build()
                .post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "query", "query " + operationName + " { viewer { subject } }", "operationName", operationName))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.viewer.subject")
                .exists();
    }
}
