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
 * Scalars that name what a string means ({@code CurrencyCode}, {@code CountryCode}, {@code URL})
 * but accept any string on input: whether the value is valid is a business rule checked by the
 * domain, so that a bad value comes back as a user error on its field, not as a request failure.
 */
final class TextScalar implements Coercing<String, String> {

    private final String name;

    private TextScalar(String name) {
        this.name = name;
    }

    /** The scalar without a description: the SDL's describes it. */
    static GraphQLScalarType named(String name) {
        return GraphQLScalarType.newScalar()
                .name(name)
                .coercing(new TextScalar(name))
                .build();
    }

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
        if (value instanceof String text) {
            return text;
        }
        throw new CoercingSerializeException(name + " must be a string");
    }

    @Override
    public String parseValue(Object input, GraphQLContext context, Locale locale) {
        if (input instanceof String text) {
            return text;
        }
        throw new CoercingParseValueException(name + " must be a string");
    }

    @Override
    public String parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        if (input instanceof StringValue text) {
            return text.getValue();
        }
        throw new CoercingParseLiteralException(name + " must be a string");
    }
}
