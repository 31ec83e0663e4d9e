package dev.diligence.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.BooleanValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.idl.RuntimeWiring;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code Decimal} scalar as the application wires it: written as a plain string with every digit
 * and its scale, read from such a string or from a number, anything else refused with a message that
 * says what is expected.
 */
class DecimalScalarTest {

    private static final GraphQLContext CONTEXT = GraphQLContext.getDefault();

    @SuppressWarnings("unchecked")
    private final Coercing<Object, Object> decimal = (Coercing<Object, Object>) wired().getCoercing();

    private static graphql.schema.GraphQLScalarType wired() {
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
        new ScalarConfiguration().scalars().configure(wiring);
        return wiring.build().getScalars().get("Decimal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999999999999.99", "12.50", "0.0000000000", "-3.25", "1000"})
    void writesAStringWithEveryDigitAndTheScale(String value) {
        assertThat(decimal.serialize(new BigDecimal(value), CONTEXT, Locale.ROOT))
                .isEqualTo(value);
    }

    @Test
    void writesPlainNotationWhereBigDecimalWouldUseAnExponent() {
        assertThat(decimal.serialize(new BigDecimal("0E-10"), CONTEXT, Locale.ROOT))
                .isEqualTo("0.0000000000");
        assertThat(decimal.serialize(new BigDecimal("5E+8"), CONTEXT, Locale.ROOT))
                .isEqualTo("500000000");
    }

    @Test
    void refusesToWriteWhatIsNotABigDecimal() {
        assertThatThrownBy(() -> decimal.serialize(1.5d, CONTEXT, Locale.ROOT))
                .isInstanceOf(CoercingSerializeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999999999999.99", "12.50", "-0.5", "+7", "7.", ".5", "0012"})
    void readsAStringInTheLexicalFormOfXmlSchemaDecimal(String text) {
        assertThat(decimal.parseValue(text, CONTEXT, Locale.ROOT)).isEqualTo(new BigDecimal(text));
        assertThat(decimal.parseLiteral(StringValue.of(text), CoercedVariables.emptyVariables(), CONTEXT, Locale.ROOT))
                .isEqualTo(new BigDecimal(text));
    }

    @Test
    void readsNumbersExactly() {
        assertThat(decimal.parseValue(new BigDecimal("999999999999999.99"), CONTEXT, Locale.ROOT))
                .isEqualTo(new BigDecimal("999999999999999.99"));
        assertThat(decimal.parseValue(42, CONTEXT, Locale.ROOT)).isEqualTo(new BigDecimal("42"));
        assertThat(decimal.parseValue(42L, CONTEXT, Locale.ROOT)).isEqualTo(new BigDecimal("42"));
        assertThat(decimal.parseValue(new BigInteger("12345678901234567890"), CONTEXT, Locale.ROOT))
                .isEqualTo(new BigDecimal("12345678901234567890"));
        assertThat(decimal.parseLiteral(
                        new FloatValue(new BigDecimal("999999999999999.99")),
                        CoercedVariables.emptyVariables(),
                        CONTEXT,
                        Locale.ROOT))
                .isEqualTo(new BigDecimal("999999999999999.99"));
        assertThat(decimal.parseLiteral(
                        new IntValue(BigInteger.TEN), CoercedVariables.emptyVariables(), CONTEXT, Locale.ROOT))
                .isEqualTo(BigDecimal.TEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "abc", "1e3", "1E+3", "1,5", "--1", ".", "NaN", "Infinity", "0x10"})
    void refusesAStringThatIsNotAPlainDecimal(String text) {
        assertThatThrownBy(() -> decimal.parseValue(text, CONTEXT, Locale.ROOT))
                .isInstanceOf(CoercingParseValueException.class)
                .hasMessageContaining("Decimal must be a decimal number");
        assertThatThrownBy(() -> decimal.parseLiteral(
                        StringValue.of(text), CoercedVariables.emptyVariables(), CONTEXT, Locale.ROOT))
                .isInstanceOf(CoercingParseLiteralException.class)
                .hasMessageContaining("Decimal must be a decimal number");
    }

    /** A double has lost digits already: JSON numbers of the request are read as BigDecimal instead. */
    @Test
    void refusesOtherValues() {
        for (Object value : new Object[] {true, 1.5d, 1.5f, java.util.List.of("1")}) {
            assertThatThrownBy(() -> decimal.parseValue(value, CONTEXT, Locale.ROOT))
                    .as(String.valueOf(value))
                    .isInstanceOf(CoercingParseValueException.class)
                    .hasMessageContaining("Decimal must be a decimal number");
        }
        Value<?> literal = BooleanValue.of(true);
        assertThatThrownBy(() -> decimal.parseLiteral(literal, CoercedVariables.emptyVariables(), CONTEXT, Locale.ROOT))
                .isInstanceOf(CoercingParseLiteralException.class);
    }
}
