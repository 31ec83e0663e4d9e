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
 * Hands the caller's {@link CallerAllowance}, which {@link CallerGateFilter} admitted the request
 * with, to {@link LimitsInstrumentation} through the GraphQL context; answers with the caller's
 * budget in the {@code RateLimit} header fields ({@link RateLimitHeaders}) and a throttled request
 * with an HTTP {@code Retry-After} header.
 */
@Component
class RateLimitInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request.getAttributes().get(CallerGateFilter.ALLOWANCE) instanceof CallerAllowance allowance)) {
            return chain.next(request);
        }
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(CallerAllowance.class, allowance)).build());
        return chain.next(request).doOnNext(response -> {
            HttpHeaders headers = response.getResponseHeaders();
            RateLimitHeaders.write(allowance.status(), headers::set);
            retryAfterSeconds(response).ifPresent(seconds -> headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)));
        });
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
