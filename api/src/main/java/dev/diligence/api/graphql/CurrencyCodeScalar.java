package dev.diligence.api.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.util.Locale;

/**
 * {@code CurrencyCode}: any string on input; whether it is a real ISO 4217 code is a business rule
 * checked by the domain, so that an unknown code comes back as a user error on the field, not as a
 * request failure.
 */
final class CurrencyCodeScalar implements Coercing<String, String> {

    static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
            .name("CurrencyCode")
            .description("An ISO 4217 alphabetic currency code")
            .coercing(new CurrencyCodeScalar())
            .build();

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
        if (value instanceof String code) {
            return code;
        }
        throw new CoercingSerializeException("CurrencyCode must be a string");
    }

    @Override
    public String parseValue(Object input, GraphQLContext context, Locale locale) {
        if (input instanceof String code) {
            return code;
        }
        throw new CoercingParseValueException("CurrencyCode must be a string");
    }

    @Override
    public String parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        if (input instanceof StringValue code) {
            return code.getValue();
        }
        throw new CoercingParseLiteralException("CurrencyCode must be a string");
    }
}
