package dev.diligence.api.graphql;

import com.fasterxml.jackson.annotation.JsonFormat;
import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;

/**
 * The custom scalars of the schema. Their descriptions and {@code @specifiedBy} URLs, the wire format
 * clients rely on, are those of the SDL ({@code schema/.../*.graphqls}): the scalars here carry none,
 * since graphql-java prefers a scalar's own description to the SDL's.
 */
@Configuration(proxyBeanMethods = false)
class ScalarConfiguration {

    /**
     * Decimals are read and written exactly: a number in the request (a {@code Decimal} in the
     * variables) is read as a {@link BigDecimal}, never rounded to a double, and a {@code BigDecimal}
     * the application writes (inside a {@code JSON} value such as an audit event's {@code after}) is
     * written as {@code Decimal} is: a string in plain notation with the scale it has
     * ({@code "0.0000000000"}, never {@code 0E-10}).
     */
    @Bean
    JsonMapperBuilderCustomizer exactDecimals() {
        return builder -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .withConfigOverride(
                        BigDecimal.class,
                        decimal -> decimal.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)));
    }

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(describedBySdl(UtcDateTimeScalar.scalar()))
                .scalar(DecimalScalar.scalar())
                .scalar(describedBySdl(ExtendedScalars.Date))
                .scalar(TextScalar.named("CurrencyCode"))
                .scalar(TextScalar.named("CountryCode"))
                .scalar(TextScalar.named("URL"))
                .scalar(describedBySdl(ExtendedScalars.Json));
    }

    private static GraphQLScalarType describedBySdl(GraphQLScalarType scalar) {
        return scalar.transform(builder -> builder.description(null));
    }
}
