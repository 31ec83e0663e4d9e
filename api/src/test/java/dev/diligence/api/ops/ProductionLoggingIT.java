package dev.diligence.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.diligence.api.request.RequestIds;
import dev.diligence.api.support.ApiIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The logs of the production configuration: the {@code prod} profile and the application's own
 * configuration files only ({@code spring.config.location} leaves out the tests' {@code config/}
 * overrides, which keep other tests' output human-readable), as a deployment gets them. Every line
 * written while requests are served is JSON; a request's lines carry its request ID, tenant, subject,
 * GraphQL operation and trace ID; a refused token is one INFO line with a reason and without the token,
 * a token without a role of this API one INFO line with the caller's tenant and subject.
 * The management port is random, as in every test (several contexts may run side by side).
 */
@ExtendWith(OutputCaptureExtension.class)
@ActiveProfiles("prod")
@TestPropertySource(properties = {"spring.config.location=classpath:/", "management.server.port=0"})
class ProductionLoggingIT extends ApiIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String tenantKey;
    private static String token;

    @BeforeAll
    static void aUser() {
        tenantKey = newTenant("prod-logs");
        token = usersOf(tenantKey).fundManager();
    }

    @Test
    void everyLineIsJsonAndCarriesTheRequestsContext(CapturedOutput output) {
        int before = output.getOut().length();
        String served = "prod-log-" + UUID.randomUUID();
        String refused = "prod-log-refused-" + UUID.randomUUID();
        String bareRefused = "prod-log-bare-" + UUID.randomUUID();
        String forbidden = "prod-log-forbidden-" + UUID.randomUUID();
        String roleless = ISSUER.token("roleless@" + tenantKey, tenantKey, "viewer");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "bm90LXRoZS1zaWduYXR1cmU";

        String subject = post(served, token)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .path("data")
                .path("viewer")
                .path("subject")
                .asString();
        post(refused, forged).expectStatus().isUnauthorized();
        post(bareRefused, null).expectStatus().isUnauthorized();
        post(forbidden, roleless).expectStatus().isForbidden();

        List<JsonNode> lines = jsonLines(output.getOut().substring(before));
        JsonNode executed = only(lines, served, "GraphQL query executed");
        assertThat(executed.path("requestId").asString()).isEqualTo(served);
        assertThat(executed.path("tenant").asString()).isEqualTo(tenantKey);
        assertThat(executed.path("subject").asString()).isEqualTo(subject);
        assertThat(executed.path("graphqlOperation").asString()).isEqualTo("ProdLogProbe");
        assertThat(executed.path("traceId").asString()).matches("[0-9a-f]{32}");
        assertThat(executed.path("log").path("level").asString()).isEqualTo("INFO");

        JsonNode unauthenticated = only(lines, refused, "Refused 401");
        assertThat(unauthenticated.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(unauthenticated.path("message").asString()).contains("signature");
        assertThat(unauthenticated.path("traceId").asString()).matches("[0-9a-f]{32}");
        assertThat(only(lines, bareRefused, "Refused 401").path("message").asString())
                .contains("no token");
        JsonNode refusedRole = only(lines, forbidden, "Refused 403");
        assertThat(refusedRole.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(refusedRole.path("tenant").asString()).isEqualTo(tenantKey);
        assertThat(refusedRole.path("subject").asString()).isEqualTo("roleless@" + tenantKey);
        assertThat(output.getAll())
                .doesNotContain(roleless)
                .doesNotContain(forged)
                .doesNotContain(token)
                .doesNotContain("Bearer ");
    }

    private WebTestClient.ResponseSpec post(String requestId, String bearer) {
        WebTestClient.RequestBodySpec request = http().mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .post()
                .contentType(MediaType.APPLICATION_JSON)
                .header(RequestIds.HEADER, requestId);
        if (bearer != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        return request.bodyValue(
                        Map.of("query", "query ProdLogProbe { viewer { subject } }", "operationName", "ProdLogProbe"))
                .exchange();
    }

    /** Every line of {@code text}, parsed; fails on the first line that is not a JSON object. */
    private static List<JsonNode> jsonLines(String text) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode parsed = JSON.readTree(line);
                assertThat(parsed.isObject()).as(line).isTrue();
                lines.add(parsed);
            } catch (JacksonException e) {
                fail("not a JSON log line: " + line);
            }
        }
        return lines;
    }

    /** The one line of request {@code requestId} whose message starts with {@code message}. */
    private static JsonNode only(List<JsonNode> lines, String requestId, String message) {
        List<JsonNode> matching = lines.stream()
                .filter(line -> requestId.equals(line.path("requestId").asString()))
                .filter(line -> line.path("message").asString().startsWith(message))
                .toList();
        assertThat(matching)
                .as("lines of %s starting with '%s' in %s", requestId, message, lines)
                .hasSize(1);
        return matching.get(0);
    }
}
