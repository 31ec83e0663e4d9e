package dev.diligence.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;

class TenantKeyTest {

    private static final String LONGEST_KEY = "a" + "b".repeat(62);
    private static final String TOO_LONG_KEY = "a" + "b".repeat(63);

    static Stream<String> validKeys() {
        return Stream.of("ab", "northwind-capital", "a1-b2", "fund42", "a-b-c", LONGEST_KEY);
    }

    static Stream<String> invalidKeys() {
        return Stream.of(
                "Northwind", // uppercase
                "northWind", // uppercase inside
                "1northwind", // leading digit
                "-northwind", // leading hyphen
                "northwind-", // trailing hyphen
                "north--wind", // double hyphen
                "a", // too short
                "", // empty
                TOO_LONG_KEY, // 64 characters
                "north wind", // inner space
                " northwind", // surrounding space
                "northwind_capital", // underscore
                "nörthwind"); // non-ASCII letter
    }

    @ParameterizedTest
    @MethodSource("validKeys")
    void acceptsLowercaseSlugs(String value) {
        assertThat(TenantKey.isValid(value)).isTrue();
        assertThat(TenantKey.parse(value)).map(TenantKey::value).contains(value);
        assertThat(new TenantKey(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @MethodSource("invalidKeys")
    void rejectsAnythingButLowercaseSlugs(String value) {
        assertThat(TenantKey.isValid(value)).isFalse();
        assertThat(TenantKey.parse(value)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> new TenantKey(value));
    }

    @ParameterizedTest
    @NullSource
    void rejectsNull(String value) {
        assertThat(TenantKey.isValid(value)).isFalse();
        assertThat(TenantKey.parse(value)).isEmpty();
    }

    @Test
    void acceptsUpTo63Characters() {
        assertThat(LONGEST_KEY).hasSize(63);
        assertThat(TenantKey.isValid(LONGEST_KEY)).isTrue();
        assertThat(TOO_LONG_KEY).hasSize(64);
        assertThat(TenantKey.isValid(TOO_LONG_KEY)).isFalse();
    }

    @Test
    void printsAsItsValue() {
        assertThat(new TenantKey("northwind-capital")).hasToString("northwind-capital");
    }
}
