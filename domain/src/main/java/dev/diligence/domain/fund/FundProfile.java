package dev.diligence.domain.fund;

import dev.diligence.domain.shared.Text;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The attributes of a fund that its managers edit. Values may be invalid while a command is being
 * checked; {@link #violations(Year)} tells which rules they break.
 *
 * @param currency   ISO 4217 alphabetic code of the fund's currency
 * @param targetSize target fund size in units of {@code currency}; absent when not disclosed
 */
public record FundProfile(
        @Nullable String name,
        @Nullable Integer vintageYear,
        @Nullable FundStrategy strategy,
        @Nullable String currency,
        @Nullable BigDecimal targetSize) {

    public static final int NAME_MAX_LENGTH = 200;
    public static final int FIRST_VINTAGE_YEAR = 1950;
    /** Funds may be planned this many years ahead of the current year. */
    public static final int MAX_YEARS_AHEAD = 5;
    /** Integer digits allowed in a target size (up to 10^15 - 1, above any fund ever raised). */
    public static final int TARGET_SIZE_INTEGER_DIGITS = 15;

    public static final int TARGET_SIZE_SCALE = 2;

    private static final Set<String> ISO_CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    /** Returns this profile with the name trimmed and the currency upper-cased. */
    public FundProfile normalized() {
        return new FundProfile(
                Text.normalize(name),
                vintageYear,
                strategy,
                currency == null ? null : currency.strip().toUpperCase(java.util.Locale.ROOT),
                targetSize);
    }

    /** Every rule this profile breaks, judged in {@code currentYear}; empty when it is valid. */
    public List<Violation> violations(Year currentYear) {
        List<Violation> out = new ArrayList<>();
        Text.requireName(name, "name", NAME_MAX_LENGTH, out);
        int lastYear = currentYear.getValue() + MAX_YEARS_AHEAD;
        if (vintageYear == null) {
            out.add(Violation.of("vintageYear", ViolationCode.REQUIRED, "vintageYear is required"));
        } else if (vintageYear < FIRST_VINTAGE_YEAR || vintageYear > lastYear) {
            out.add(Violation.of(
                    "vintageYear",
                    ViolationCode.OUT_OF_RANGE,
                    "vintageYear must be between " + FIRST_VINTAGE_YEAR + " and " + lastYear));
        }
        if (strategy == null) {
            out.add(Violation.of("strategy", ViolationCode.REQUIRED, "strategy is required"));
        }
        if (currency == null || currency.isBlank()) {
            out.add(Violation.of("currency", ViolationCode.REQUIRED, "currency is required"));
        } else if (!ISO_CURRENCIES.contains(currency)) {
            out.add(Violation.of(
                    "currency", ViolationCode.INVALID, "currency must be an ISO 4217 code such as USD or EUR"));
        }
        if (targetSize != null) {
            checkTargetSize(targetSize, out);
        }
        return out;
    }

    private static void checkTargetSize(BigDecimal size, List<Violation> out) {
        if (size.signum() < 0) {
            out.add(Violation.of("targetSize", ViolationCode.OUT_OF_RANGE, "targetSize must not be negative"));
        } else if (size.stripTrailingZeros().scale() > TARGET_SIZE_SCALE) {
            out.add(Violation.of(
                    "targetSize",
                    ViolationCode.INVALID,
                    "targetSize must have at most " + TARGET_SIZE_SCALE + " decimal places"));
        } else if (size.precision() - size.scale() > TARGET_SIZE_INTEGER_DIGITS) {
            out.add(Violation.of(
                    "targetSize",
                    ViolationCode.OUT_OF_RANGE,
                    "targetSize must be below 10^" + TARGET_SIZE_INTEGER_DIGITS));
        }
    }
}
