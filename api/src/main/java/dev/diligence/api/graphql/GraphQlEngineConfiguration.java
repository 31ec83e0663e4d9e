package dev.diligence.api.graphql;

import dev.diligence.api.limits.DocumentCache;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How graphql-java runs each request, beside what Spring Boot configures: the {@link DocumentCache},
 * which parses and validates each distinct document once.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlEngineConfiguration {

    @Bean
    GraphQlSourceBuilderCustomizer graphQlEngine(DocumentCache documents) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }
}
