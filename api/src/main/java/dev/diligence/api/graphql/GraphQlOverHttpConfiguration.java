package dev.diligence.api.graphql;

import dev.diligence.api.refusal.Refusal;
import dev.diligence.api.refusal.Refusals;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Where Spring for GraphQL's own handling of the endpoint departs from the GraphQL-over-HTTP
 * specification (https://graphql.github.io/graphql-over-http/draft/), or answers a refusal without a
 * body. Everything else (media types of responses, 400 for request errors under
 * {@code application/graphql-response+json}, 200 under {@code application/json}) is Spring's,
 * checked by {@code GraphQlOverHttpIT}.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlOverHttpConfiguration {

    /** The response media types the GraphQL endpoint can produce (the last is the legacy one). */
    private static final List<MediaType> PRODUCED = List.of(
            MediaType.parseMediaType("application/graphql-response+json"),
            MediaType.APPLICATION_JSON,
            MediaType.parseMediaType("application/graphql+json"));

    /**
     * Spec §5.2 (Accept): a POST whose Accept header names none of the media types the server can
     * produce is answered with 406 Not Acceptable (the recommended choice). Spring Boot's router sends
     * every POST its GraphQL route does not match to a 415 handler, which would blame the request's
     * Content-Type instead; this route goes first (Boot's has order 0) and matches only such POSTs.
     */
    @Bean
    @Order(-1)
    RouterFunction<ServerResponse> graphQlNotAcceptable(@Value("${spring.graphql.http.path:/graphql}") String path) {
        return RouterFunctions.route()
                .route(
                        RequestPredicates.method(HttpMethod.POST)
                                .and(RequestPredicates.path(path))
                                .and(GraphQlOverHttpConfiguration::acceptsNothingProduced),
                        request ->
                                ServerResponse.status(HttpStatus.NOT_ACCEPTABLE).build())
                .build();
    }

    /**
     * Every method but POST (and OPTIONS, left to CORS) is refused with 405, {@code Allow: POST} and
     * a GraphQL error body; Spring Boot answers GET alone, without a body, and PUT or DELETE as an
     * unknown path (404).
     */
    @Bean
    @Order(-1)
    RouterFunction<ServerResponse> graphQlOnlyOverPost(
            @Value("${spring.graphql.http.path:/graphql}") String path, Refusals refusals) {
        return RouterFunctions.route()
                .route(
                        RequestPredicates.path(path)
                                .and(RequestPredicates.methods(HttpMethod.POST, HttpMethod.OPTIONS)
                                        .negate()),
                        request -> ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
                                .allow(HttpMethod.POST)
                                .build(refuse(
                                        refusals,
                                        Refusal.of(
                                                HttpStatus.METHOD_NOT_ALLOWED.value(),
                                                "Operations are accepted only in a POST request"))))
                .build();
    }

    /**
     * A POST whose body is not JSON (form-encoded, multipart, text, {@code application/graphql}, none)
     * is refused with 415, {@code Accept: application/json} and a GraphQL error body; Spring Boot
     * answers it without a body. Goes before {@link #graphQlNotAcceptable}: a body the server cannot
     * read is refused as such, whatever the client accepts.
     */
    @Bean
    @Order(-2)
    RouterFunction<ServerResponse> graphQlOnlyJson(
            @Value("${spring.graphql.http.path:/graphql}") String path, Refusals refusals) {
        return RouterFunctions.route()
                .route(
                        RequestPredicates.method(HttpMethod.POST)
                                .and(RequestPredicates.path(path))
                                .and(GraphQlOverHttpConfiguration::sendsNoJson),
                        request -> ServerResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                                .build(refuse(
                                        refusals,
                                        Refusal.of(
                                                HttpStatus.UNSUPPORTED_MEDIA_TYPE.value(),
                                                "Operations are accepted only as an application/json request body"))))
                .build();
    }

    private static ServerResponse.HeadersBuilder.WriteFunction refuse(Refusals refusals, Refusal refusal) {
        return (request, response) -> {
            refusals.write(request, response, refusal);
            return null;
        };
    }

    /** Whether the Content-Type is missing, unreadable, or other than {@code application/json} (any parameters). */
    private static boolean sendsNoJson(ServerRequest request) {
        MediaType contentType;
        try {
            contentType = request.headers().contentType().orElse(null);
        } catch (InvalidMediaTypeException e) {
            return true;
        }
        return contentType == null || !MediaType.APPLICATION_JSON.includes(contentType);
    }

    /** Whether the request has an Accept header, and none of its media types matches one produced. */
    private static boolean acceptsNothingProduced(ServerRequest request) {
        List<MediaType> accepted;
        try {
            accepted = request.headers().accept();
        } catch (InvalidMediaTypeException e) {
            return false; // Spring's handler answers an unreadable Accept header itself
        }
        return !accepted.isEmpty()
                && accepted.stream().noneMatch(type -> PRODUCED.stream().anyMatch(type::isCompatibleWith));
    }
}
