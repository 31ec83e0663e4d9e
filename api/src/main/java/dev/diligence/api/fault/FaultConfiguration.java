package dev.diligence.api.fault;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;

/** Replaces Spring Boot's GraphQL HTTP handler with one that answers transient failures with 503 and {@code Retry-After}. */
@Configuration(proxyBeanMethods = false)
class FaultConfiguration {

    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler) {
        return new UnavailableStatusHandler(webGraphQlHandler);
    }
}
