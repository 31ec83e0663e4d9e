package dev.diligence.api.limits;

import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Plain HTTP GraphQL requests, for tests that read what a GraphQL tester hides: the response's
 * {@code extensions}, its status and its headers.
 */
final class GraphQlRequests {

    /** Long enough for the first request to a cold application on a busy machine. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    private final WebTestClient http;

    GraphQlRequests(WebTestClient http) {
        this.http = http.mutate().responseTimeout(RESPONSE_TIMEOUT).build();
    }

    WebTestClient client() {
        return http;
    }

    WebTestClient.ResponseSpec post(String token, String document) {
        return post(token, document, Map.of());
    }

    WebTestClient.ResponseSpec post(String token, String document, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        return http.post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** The number of tokens in {@code document}, as graphql-java's parser counts them. */
    static int tokens(String document) {
        AtomicInteger tokens = new AtomicInteger();
        new Parser()
                .parseDocument(ParserEnvironment.newParserEnvironment()
                        .document(document)
                        .parserOptions(ParserOptions.newParserOptions()
                                .parsingListener(token -> tokens.incrementAndGet())
                                .build())
                        .build());
        return tokens.get();
    }
}
