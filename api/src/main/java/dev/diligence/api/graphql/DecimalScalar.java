package dev.diligence.api.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code Decimal}: an exact decimal number, written as a JSON string in plain notation with its scale
 * ({@code "999999999999999.99"}, {@code "0.0000000000"}; never a JSON number, which JavaScript and
 * most JSON libraries read as a binary double, and never exponent form).
 *
 * <p>Read from a string in the lexical form of XML Schema's {@code decimal} (digits with an optional
 * sign and point, no exponent, no spaces) or from a number, a GraphQL literal or a JSON number in
 * the variables (read exactly, see {@link ScalarConfiguration}). Ranges and scales are business rules
 * of each field, checked by the domain as user errors.
 */
final class DecimalScalar implements Coercing<BigDecimal, String> {

    static final String NAME = "Decimal";

    /** XML Schema 1.1 decimal lexical space: {@code (\+|-)?([0-9]+(\.[0-9]*)?|\.[0-9]+)}. */
    private static final Pattern LEXICAL = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");

    private static final String EXPECTED = NAME + " must be a decimal number, as a string of digits with an optional"
            + " sign and decimal point and no exponent (e.g. \"1234.50\") or as a number";

    static GraphQLScalarType scalar() {
        return GraphQLScalarType.newScalar()
                .name(NAME)
                .coercing(new DecimalScalar())
                .build();
    }

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        throw new CoercingSerializeException(NAME + " must be a BigDecimal, not "
                + (value == null ? "null" : value.getClass().getName()));
    }

    @Override
    public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
        if (input instanceof String text && LEXICAL.matcher(text).matches()) {
            return new BigDecimal(text);
        }
        if (input instanceof BigDecimal decimal) {
            return decimal;
        }
        if (input instanceof Integer || input instanceof Long || input instanceof BigInteger) {
            return new BigDecimal(input.toString());
        }
        throw new CoercingParseValueException(EXPECTED);
    }

    @Override
    public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        if (input instanceof StringValue text
                && LEXICAL.matcher(text.getValue()).matches()) {
            return new BigDecimal(text.getValue());
        }
        if (input instanceof FloatValue number) {
            return number.getValue();
        }
        if (input instanceof IntValue number) {
            return new BigDecimal(number.getValue());
        }
        throw new CoercingParseLiteralException(EXPECTED);
    }
}
