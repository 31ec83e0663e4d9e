package dev.diligence.domain.fund;

import static dev.diligence.domain.fund.FundProfiles.CURRENT_YEAR;
import static dev.diligence.domain.fund.FundProfiles.THIS_YEAR;
import static dev.diligence.domain.fund.FundProfiles.aProfile;
import static dev.diligence.domain.shared.ViolationAssertions.assertThatViolations;
import static dev.diligence.domain.shared.ViolationAssertions.violation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FundProfileTest {

    private static final int LAST_VINTAGE_YEAR = THIS_YEAR + 5;

    private static List<Violation> violationsOf(FundProfiles.Builder profile) {
        return profile.build().violations(CURRENT_YEAR);
    }

    @Test
    void theDefaultTestProfileIsValid() {
        assertThat(violationsOf(aProfile())).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void requiresAName(String name) {
        assertThatViolations(violationsOf(aProfile().withName(name)))
                .containsExactly(violation("name", ViolationCode.REQUIRED));
    }

    @Test
    void rejectsANameLongerThan200Characters() {
        assertThatViolations(violationsOf(aProfile().withName("n".repeat(201))))
                .containsExactly(violation("name", ViolationCode.TOO_LONG));
    }

    @Test
    void acceptsA200CharacterName() {
        assertThat(violationsOf(aProfile().withName("n".repeat(200)))).isEmpty();
    }

    @Test
    void requiresAVintageYear() {
        assertThatViolations(violationsOf(aProfile().withVintageYear(null)))
                .containsExactly(violation("vintageYear", ViolationCode.REQUIRED));
    }

    @ParameterizedTest
    @ValueSource(ints = {1949, LAST_VINTAGE_YEAR + 1})
    void rejectsAVintageYearOutsideTheRange(int vintageYear) {
        assertThatViolations(violationsOf(aProfile().withVintageYear(vintageYear)))
                .containsExactly(violation("vintageYear", ViolationCode.OUT_OF_RANGE));
    }

    @ParameterizedTest
    @ValueSource(ints = {1950, LAST_VINTAGE_YEAR})
    void acceptsTheVintageYearBoundaries(int vintageYear) {
        assertThat(violationsOf(aProfile().withVintageYear(vintageYear))).isEmpty();
    }

    @Test
    void judgesTheVintageYearInTheGivenYear() {
        FundProfile profile = aProfile().withVintageYear(LAST_VINTAGE_YEAR + 1).build();

        assertThat(profile.violations(CURRENT_YEAR.plusYears(1))).isEmpty();
    }

    @Test
    void requiresAStrategy() {
        assertThatViolations(violationsOf(aProfile().withStrategy(null)))
                .containsExactly(violation("strategy", ViolationCode.REQUIRED));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void requiresACurrency(String currency) {
        assertThatViolations(violationsOf(aProfile().withCurrency(currency)))
                .containsExactly(violation("currency", ViolationCode.REQUIRED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XYZ", "usd", "US", "DOLLAR"})
    void rejectsAnythingButAnIsoCurrencyCode(String currency) {
        assertThatViolations(violationsOf(aProfile().withCurrency(currency)))
                .containsExactly(violation("currency", ViolationCode.INVALID));
    }

    @Test
    void acceptsALowercaseCurrencyOnceNormalized() {
        FundProfile normalized = aProfile().withCurrency(" usd ").build().normalized();

        assertThat(normalized.currency()).isEqualTo("USD");
        assertThat(normalized.violations(CURRENT_YEAR)).isEmpty();
    }

    @Test
    void normalizingTrimsTheNameAndKeepsTheRest() {
        FundProfile profile = aProfile().withName("  Alpha Growth Fund I \t").build();

        assertThat(profile.normalized()).isEqualTo(aProfile().build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0.01"})
    void rejectsANegativeTargetSize(String targetSize) {
        assertThatViolations(violationsOf(aProfile().withTargetSize(targetSize)))
                .containsExactly(violation("targetSize", ViolationCode.OUT_OF_RANGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000.001", "0.125"})
    void rejectsATargetSizeWithMoreThanTwoDecimalPlaces(String targetSize) {
        assertThatViolations(violationsOf(aProfile().withTargetSize(targetSize)))
                .containsExactly(violation("targetSize", ViolationCode.INVALID));
    }

    @Test
    void acceptsTrailingZerosBeyondTwoDecimalPlaces() {
        assertThat(violationsOf(aProfile().withTargetSize("1000.500"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000000000000", "1E+15", "9999999999999999.99"})
    void rejectsATargetSizeWithMoreThan15IntegerDigits(String targetSize) {
        assertThatViolations(violationsOf(aProfile().withTargetSize(targetSize)))
                .containsExactly(violation("targetSize", ViolationCode.OUT_OF_RANGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999999999999", "999999999999999.99", "0", "0.01"})
    void acceptsATargetSizeWithUpTo15IntegerDigits(String targetSize) {
        assertThat(violationsOf(aProfile().withTargetSize(targetSize))).isEmpty();
    }

    @Test
    void acceptsAnUndisclosedTargetSize() {
        assertThat(violationsOf(aProfile().withTargetSize(null))).isEmpty();
    }

    @Test
    void reportsEveryViolationAtOnce() {
        FundProfiles.Builder profile = aProfile()
                .withName(" ")
                .withVintageYear(1900)
                .withStrategy(null)
                .withCurrency("XYZ")
                .withTargetSize("-5");

        assertThatViolations(violationsOf(profile))
                .containsExactlyInAnyOrder(
                        violation("name", ViolationCode.REQUIRED),
                        violation("vintageYear", ViolationCode.OUT_OF_RANGE),
                        violation("strategy", ViolationCode.REQUIRED),
                        violation("currency", ViolationCode.INVALID),
                        violation("targetSize", ViolationCode.OUT_OF_RANGE));
    }
}
