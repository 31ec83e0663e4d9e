package dev.diligence.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.request.RequestIds;
import dev.diligence.api.support.ApiIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With structured logging on (as outside local development), a request's log lines are JSON with
 * its request ID, tenant key, subject and GraphQL operation name, and never its bearer token.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.structured.format.console=ecs")
class StructuredLoggingIT extends ApiIntegrationTest {

    private static String tenantKey;
    private static String token;

    @BeforeAll
    static void aUser() {
        tenantKey = newTenant("ops-logs");
        token = usersOf(tenantKey).fundManager();
    }

    @Test
    void aRequestsLogLineCarriesRequestTenantSubjectAndOperation(CapturedOutput output) {
        String requestId = "ops-log-" + UUID.randomUUID();
        String subject = http().mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build()
                .post()
                .contentType(MediaType.APPLICATION_JSON)
                .header(RequestIds.HEADER, requestId)
                .bodyValue(Map.of("query", "query OpsLogProbe { viewer { subject } }", "operationName", "OpsLogProbe"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .path("data")
                .path("viewer")
                .path("subject")
                .asString();

        List<JsonNode> lines = output.getOut()
                .lines()
                .filter(line -> line.startsWith("{") && line.contains(requestId))
                .map(line -> JsonMapper.builder().build().readTree(line))
                .toList();
        assertThat(lines).isNotEmpty();
        JsonNode executed = lines.stream()
                .filter(line -> line.path("message").asString().startsWith("GraphQL query executed"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no request log line in " + lines));
        assertThat(executed.path("requestId").asString()).isEqualTo(requestId);
        assertThat(executed.path("tenant").asString()).isEqualTo(tenantKey);
        assertThat(executed.path("subject").asString()).isEqualTo(subject);
        assertThat(executed.path("graphqlOperation").asString()).isEqualTo("OpsLogProbe");
        assertThat(executed.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(output.getAll()).doesNotContain(token).doesNotContain("Bearer ");
    }
}
