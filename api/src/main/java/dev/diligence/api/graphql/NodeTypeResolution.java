package dev.diligence.api.graphql;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Resolves values of the {@code Node} interface by the type they declare. */
@Configuration(proxyBeanMethods = false)
class NodeTypeResolution {

    @Bean
    RuntimeWiringConfigurer nodeTypeResolver() {
        return wiring -> wiring.type(
                "Node",
                type -> type.typeResolver(environment ->
                        environment.getSchema().getObjectType(((NodeView) environment.getObject()).graphQlType())));
    }
}
