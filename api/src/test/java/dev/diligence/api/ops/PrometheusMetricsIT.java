package dev.diligence.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

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
        query("OpsMetricsProbe");
        query(LONG_NAME);
        query("OpsMetricsProbe");

        String metrics = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics)
                .containsPattern("graphql_request_seconds_count\\{[^}]*graphql_operation_name=\"OpsMetricsProbe\"[^}]*\\} [1-9]")
                .containsPattern("graphql_request_seconds_count\\{[^}]*graphql_operation_name=\"other\"")
                .containsPattern("graphql_request_seconds_count\\{[^}]*graphql_operation_type=\"query\"")
                .containsPattern("graphql_request_seconds_count\\{[^}]*graphql_outcome=\"SUCCESS\"")
                .containsPattern("graphql_datafetcher_seconds_count\\{[^}]*graphql_field_name=\"viewer\"")
                .contains("hikaricp_connections_active")
                .contains("jvm_memory_used_bytes")
                .contains("http_server_requests_seconds_count");
        assertThat(metrics)
                .doesNotContain(tenantKey)
                .doesNotContain("OpsUnbounded")
                .doesNotContain("graphql_execution_id");
    }

    private void query(String operationName) {
        http().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build()
                .post().contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "query " + operationName + " { viewer { subject } }", "operationName", operationName))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.viewer.subject").exists();
    }
}
