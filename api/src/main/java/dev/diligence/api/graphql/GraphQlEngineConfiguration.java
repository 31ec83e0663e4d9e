package dev.diligence.api.graphql;

import dev.diligence.api.limits.DocumentCache;
import graphql.execution.instrumentation.Instrumentation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How graphql-java runs each request, beside what Spring Boot configures: the application's
 * {@link Instrumentation} beans (in the order Spring Boot would chain them) as one
 * {@link InstrumentationChain}, which calls each hook only on those that implement it, so that no
 * hook costs a context per field that nothing uses; and the {@link DocumentCache}, which parses and
 * validates each distinct document once.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlEngineConfiguration {

    @Bean
    GraphQlSourceBuilderCustomizer graphQlEngine(
            ObjectProvider<Instrumentation> instrumentations, DocumentCache documents) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.instrumentation(new InstrumentationChain(
                        instrumentations.orderedStream().toList()))
                .preparsedDocumentProvider(documents));
    }
}
