package dev.diligence.api.limits;

import graphql.GraphQLError;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Hands the caller's {@link RateLimitKey} to {@link LimitsInstrumentation} through the GraphQL
 * context (taken here, on the request's thread, where the security context is set), and answers a
 * throttled request with an HTTP {@code Retry-After} header.
 */
@Component
class RateLimitInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        RateLimitKey.ofCurrentCaller().ifPresent(key -> request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(RateLimitKey.class, key)).build()));
        return chain.next(request).doOnNext(response -> retryAfterSeconds(response)
                .ifPresent(seconds -> response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))));
    }

    private static Optional<Object> retryAfterSeconds(WebGraphQlResponse response) {
        return response.getExecutionResult().getErrors().stream()
                .filter(error -> error.getErrorType() == LimitClassification.THROTTLED)
                .map(GraphQLError::getExtensions)
                .filter(extensions -> extensions != null && extensions.get("retryAfterSeconds") != null)
                .map(extensions -> extensions.get("retryAfterSeconds"))
                .findFirst();
    }
}
