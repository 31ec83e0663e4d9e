package dev.diligence.api.refusal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** The two shapes of a refusal, for statuses the integration tests cannot provoke (431, 500, 503). */
class RefusalsTest {

    private final Refusals refusals =
            new Refusals("/graphql", JsonMapper.builder().build(), new SimpleMeterRegistry());

    @Test
    void onTheGraphQlPathARefusalIsAGraphQlResponseWithOneError() {
        RefusalBody body = refusals.render("/graphql", Refusal.of(503));

        assertThat(body.contentType().toString()).isEqualTo("application/graphql-response+json");
        assertThat(body.text())
                .isEqualTo("{\"errors\":[{\"message\":\"The server cannot answer now; retry the request later\","
                        + "\"extensions\":{\"classification\":\"UNAVAILABLE\"}}]}");
    }

    @Test
    void elsewhereARefusalIsAProblemDetail() {
        RefusalBody body = refusals.render("/nope", Refusal.of(431));

        assertThat(body.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body.text())
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Request Header Fields Too Large\",\"status\":431,"
                        + "\"detail\":\"The request headers are too large\"}");
    }

    @Test
    void aRequestWithoutAReadablePathGetsAProblemDetail() {
        assertThat(refusals.render(null, Refusal.of(400)).contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void extensionsFollowTheClassificationOrTheStandardMembers() {
        Refusal tooLarge = new Refusal(413, "MAX_BODY_SIZE_EXCEEDED", "too large", Map.of("limit", 10));

        assertThat(refusals.render("/graphql", tooLarge).text())
                .isEqualTo(
                        "{\"errors\":[{\"message\":\"too large\",\"extensions\":{\"classification\":\"MAX_BODY_SIZE_EXCEEDED\",\"limit\":10}}]}");
        assertThat(refusals.render("/nope", tooLarge).text())
                .isEqualTo(
                        "{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,\"detail\":\"too large\",\"limit\":10}");
    }

    @Test
    void failuresOfTheServerAreInternalErrorsWithoutDetails() {
        Refusal failure = Refusal.of(500);

        assertThat(failure.classification()).isEqualTo("INTERNAL_ERROR");
        assertThat(failure.message()).isEqualTo("The server failed to answer the request");
    }
}
