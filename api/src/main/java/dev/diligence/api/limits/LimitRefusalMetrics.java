package dev.diligence.api.limits;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Counts the GraphQL requests a limit refused or stopped, in {@code diligence.limits.refusals} tagged
 * with the limit's {@link LimitClassification} (a closed set, so a bounded number of series).
 * Refusals made before GraphQL (HTTP 429 of {@link CallerGateFilter}, 413) are counted by
 * {@code Refusals} in {@code diligence.refusals}.
 */
@Component
class LimitRefusalMetrics implements WebGraphQlInterceptor {

    static final String METRIC = "diligence.limits.refusals";

    private final MeterRegistry meters;

    LimitRefusalMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request)
                .doOnNext(response -> response.getExecutionResult().getErrors().stream()
                        .filter(error -> error.getErrorType() instanceof LimitClassification)
                        .map(error -> (LimitClassification) error.getErrorType())
                        .distinct()
                        .forEach(limit -> meters.counter(METRIC, "classification", limit.name())
                                .increment()));
    }
}
