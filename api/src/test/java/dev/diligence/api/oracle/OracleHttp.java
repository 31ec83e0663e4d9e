package dev.diligence.api.oracle;

import dev.diligence.api.limits.CallerBudget;
import dev.diligence.api.support.TestDocuments;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A GraphQL POST over plain HTTP, as {@code HttpGraphQlTester} sends it (JSON body of {@code query}
 * and {@code variables}), but keeping what the tester hides or refuses: the HTTP status (the tester
 * fails on anything but 200) and the content type. The body is the same map that
 * {@code execute().returnResponse().toMap()} gives: data, errors with their paths, locations and
 * extensions, and any top-level extensions.
 */
final class OracleHttp {

    /** What the server answered to one request. Equal answers are indistinguishable to the client. */
    record Answer(int status, String contentType, Map<String, Object> body) {

        /** What stands for the probed ID where a slot echoes it. */
        static final String ECHOED_ID = "<the probed ID, echoed>";

        /**
         * This answer with {@code id} replaced by {@link #ECHOED_ID} exactly where the slot echoes it, and nowhere
         * else: in {@code data.<field>.missing}, elements equal to {@code id}. An answer that does not echo the ID there
         * (an error, a null field, an ID listed elsewhere) is returned as it is, so that any other difference still shows.
         */
        @SuppressWarnings("unchecked")
        Answer withEchoReplaced(OracleSlot slot, String id) {
            if (!slot.echoesId()
                    || body == null
                    || !(body.get("data") instanceof Map<?, ?> data)
                    || !(data.get(slot.field()) instanceof Map<?, ?> answer)
                    || !(answer.get("missing") instanceof List<?> missing)) {
                return this;
            }
            Map<String, Object> field = new LinkedHashMap<>((Map<String, Object>) answer);
            field.put(
                    "missing",
                    missing.stream()
                            .map(echoed -> id.equals(echoed) ? ECHOED_ID : echoed)
                            .toList());
            Map<String, Object> newData = new LinkedHashMap<>((Map<String, Object>) data);
            newData.put(slot.field(), field);
            Map<String, Object> newBody = new LinkedHashMap<>(body);
            newBody.put("data", newData);
            return new Answer(status, contentType, newBody);
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + contentType + " " + body;
        }
    }

    /** The media types a client may accept: the tester's, and the GraphQL-over-HTTP one (whose status codes differ). */
    enum Accept {
        JSON(MediaType.APPLICATION_JSON),
        GRAPHQL_RESPONSE(MediaType.APPLICATION_GRAPHQL_RESPONSE);

        private final MediaType mediaType;

        Accept(MediaType mediaType) {
            this.mediaType = mediaType;
        }

        @Override
        public String toString() {
            return "Accept " + mediaType;
        }
    }

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    private final WebTestClient client;

    OracleHttp(WebTestClient client) {
        this.client = client;
    }

    Answer post(String token, Accept accept, String documentName, Map<String, Object> variables) {
        Map<String, Object> request = new HashMap<>();
        request.put("query", document(documentName));
        request.put("variables", variables);
        EntityExchangeResult<Map<String, Object>> result = client.post()
                .contentType(MediaType.APPLICATION_JSON)
                .accept(accept.mediaType)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .bodyValue(request)
                .exchange()
                .expectBody(MAP)
                .returnResult();
        MediaType contentType = result.getResponseHeaders().getContentType();
        return new Answer(
                result.getStatus().value(),
                contentType == null ? null : contentType.toString(),
                CallerBudget.withoutCurrentBudget(result.getResponseBody()));
    }

    static String document(String name) {
        return TestDocuments.load(name);
    }
}
