package dev.diligence.api.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** When a response with UNAVAILABLE errors is a 503, and when it keeps its status but says Retry-After. */
class UnavailableStatusHandlerTest {

    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

    private final UnavailableStatusHandler handler = new UnavailableStatusHandler(mock(WebGraphQlHandler.class));

    @Test
    void everyRootFieldUnavailableIs503WithRetryAfter() {
        WebGraphQlResponse response = response(data("node", null), unavailable("node", 2));

        assertThat(handler.selectResponseStatus(response, MediaType.APPLICATION_JSON))
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("2");
    }

    @Test
    void noDataAtAllIs503EvenUnderTheGraphQlResponseMediaType() {
        WebGraphQlResponse response = response(null, UnavailableErrors.of("busy", 5));

        assertThat(handler.selectResponseStatus(response, GRAPHQL_RESPONSE)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("5");
    }

    @Test
    void aRootFieldThatSucceededKeepsTheStatusButTheResponseSaysRetryAfter() {
        Map<String, Object> data = data("node", null);
        data.put("viewer", Map.of("subject", "alice"));
        WebGraphQlResponse response = response(data, unavailable("node", 2));

        assertThat(handler.selectResponseStatus(response, GRAPHQL_RESPONSE)).isEqualTo(HttpStatus.OK);
        assertThat(response.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("2");
    }

    @Test
    void aRootFieldWithDataAndANestedUnavailableErrorSucceededInPart() {
        WebGraphQlResponse response = response(data("funds", Map.of("nodes", List.of())), unavailable("funds", 2));

        assertThat(handler.selectResponseStatus(response, MediaType.APPLICATION_JSON))
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void otherErrorsKeepSpringsStatusAndSayNothingOfRetrying() {
        GraphQLError internal = GraphqlErrorBuilder.newError()
                .errorType(ErrorType.INTERNAL_ERROR)
                .message("INTERNAL_ERROR")
                .path(ResultPath.parse("/node"))
                .build();
        WebGraphQlResponse response = response(data("node", null), internal);

        assertThat(handler.selectResponseStatus(response, MediaType.APPLICATION_JSON))
                .isEqualTo(HttpStatus.OK);
        assertThat(response.getResponseHeaders().containsHeader(HttpHeaders.RETRY_AFTER))
                .isFalse();
    }

    private static Map<String, Object> data(String field, Object value) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(field, value);
        return data;
    }

    private static GraphQLError unavailable(String field, long retryAfterSeconds) {
        return UnavailableErrors.builder("The database could not be reached", retryAfterSeconds)
                .path(ResultPath.parse("/" + field))
                .build();
    }

    private static WebGraphQlResponse response(Map<String, Object> data, GraphQLError error) {
        ExecutionResult result = ExecutionResultImpl.newExecutionResult()
                .data(data)
                .addError(error)
                .build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(
                ExecutionInput.newExecutionInput("{ x }").build(), result));
    }
}
