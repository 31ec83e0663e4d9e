package dev.diligence.api.limits;

import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Hands the caller's {@link CallerAllowance}, which {@link CallerGateFilter} admitted the request
 * with, to {@link LimitsInstrumentation} through the GraphQL context, and answers with the caller's
 * budget in the {@code RateLimit} header fields ({@link RateLimitHeaders}). A throttled answer's
 * status and {@code Retry-After} are the GraphQL HTTP handler's ({@code UnavailableStatusHandler}).
 */
@Component
class RateLimitInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request.getAttributes().get(CallerGateFilter.ALLOWANCE) instanceof CallerAllowance allowance)) {
            return chain.next(request);
        }
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(CallerAllowance.class, allowance)).build());
        return chain.next(request)
                .doOnNext(response -> RateLimitHeaders.write(allowance.status(), response.getResponseHeaders()::set));
    }
}
