package dev.diligence.api.graphql;

import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLScalarType;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import tools.jackson.core.StreamWriteFeature;

/**
 * The custom scalars of the schema. Decimals are written as plain JSON numbers with the scale they
 * have (a score of zero at 10 places is {@code 0.0000000000}, never {@code 0E-10}).
 */
@Configuration(proxyBeanMethods = false)
class ScalarConfiguration {

    @Bean
    JsonMapperBuilderCustomizer plainDecimals() {
        return builder -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    @Bean
    RuntimeWiringConfigurer scalars() {
        GraphQLScalarType decimal = GraphQLScalarType.newScalar(ExtendedScalars.GraphQLBigDecimal)
                .name("Decimal")
                .description("An exact decimal number")
                .build();
        return wiring -> wiring
                .scalar(ExtendedScalars.DateTime)
                .scalar(decimal)
                .scalar(ExtendedScalars.Date)
                .scalar(TextScalar.named("CurrencyCode", "An ISO 4217 alphabetic currency code"))
                .scalar(TextScalar.named("CountryCode", "An ISO 3166-1 alpha-2 country code"))
                .scalar(TextScalar.named("URL", "An absolute URL"))
                .scalar(ExtendedScalars.Json);
    }
}
