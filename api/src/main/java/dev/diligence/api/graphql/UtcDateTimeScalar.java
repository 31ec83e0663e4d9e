package dev.diligence.api.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * {@code DateTime}: graphql-java-extended-scalars' {@link ExtendedScalars#DateTime}, with one fast path
 * for what the views write, an {@link OffsetDateTime} at UTC in the years 0 to 9999. The library
 * formats every value with a {@code DateTimeFormatter} (ISO local date, {@code 'T'HH:mm:ss}, always
 * three digits of milliseconds, then {@code Z} or {@code +HH:MM}), which showed in the profile of a
 * dashboard page (about 3% of its CPU for 50 timestamps); this writes the same characters directly.
 * Every other value, and all parsing, is the library's: the wire format is the library's by
 * construction ({@code UtcDateTimeScalarTest} compares both).
 */
final class UtcDateTimeScalar implements Coercing<Object, String> {

    private static final Coercing<?, ?> LIBRARY = ExtendedScalars.DateTime.getCoercing();

    private UtcDateTimeScalar() {}

    /** The library's scalar (name and SDL description kept by the caller) with this coercing. */
    static GraphQLScalarType scalar() {
        return ExtendedScalars.DateTime.transform(builder -> builder.coercing(new UtcDateTimeScalar()));
    }

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
        if (value instanceof OffsetDateTime time
                && time.getOffset().equals(ZoneOffset.UTC)
                && time.getYear() >= 0
                && time.getYear() <= 9999) {
            return format(time);
        }
        return (String) LIBRARY.serialize(value, context, locale);
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
        return LIBRARY.parseValue(input, context, locale);
    }

    @Override
    public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        return LIBRARY.parseLiteral(input, variables, context, locale);
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return LIBRARY.valueToLiteral(input, context, locale);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.SSSZ}: 24 characters, milliseconds truncated as the library's formatter truncates them. */
    static String format(OffsetDateTime time) {
        char[] text = new char[24];
        digits(text, 0, time.getYear(), 4);
        text[4] = '-';
        digits(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, time.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, time.getHour(), 2);
        text[13] = ':';
        digits(text, 14, time.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, time.getSecond(), 2);
        text[19] = '.';
        digits(text, 20, time.getNano() / 1_000_000, 3);
        text[23] = 'Z';
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
