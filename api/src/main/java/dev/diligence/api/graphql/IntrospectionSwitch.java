package dev.diligence.api.graphql;

import graphql.introspection.Introspection;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Refuses schema introspection ({@code __schema}, {@code __type}) on every request unless
 * {@code spring.graphql.schema.introspection.enabled} is true, as it is only under the
 * {@code local} profile and in the embedded default. Spring Boot reads the same property but acts
 * on graphql-java's JVM-wide switch, which it only ever turns off and which any other code in the
 * JVM can turn back on; this puts the decision into each request of this application.
 * {@code __typename} stays available: clients need it and it reveals nothing beyond the query.
 */
@Component
class IntrospectionSwitch implements WebGraphQlInterceptor {

    private final boolean enabled;

    IntrospectionSwitch(@Value("${spring.graphql.schema.introspection.enabled:true}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!enabled) {
            request.configureExecutionInput(
                    (input, builder) -> builder.graphQLContext(Map.of(Introspection.INTROSPECTION_DISABLED, true))
                            .build());
        }
        return chain.next(request);
    }
}
