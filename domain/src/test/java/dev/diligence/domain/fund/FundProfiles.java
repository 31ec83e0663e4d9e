package dev.diligence.domain.fund;

import java.math.BigDecimal;
import java.time.Year;
import org.jspecify.annotations.Nullable;

/** Test data: fund profiles with valid defaults, changed one attribute at a time. */
final class FundProfiles {

    /** The year every test judges profiles in. */
    static final int THIS_YEAR = 2026;

    static final Year CURRENT_YEAR = Year.of(THIS_YEAR);

    private FundProfiles() {}

    /** A valid profile, as a builder. */
    static Builder aProfile() {
        return new Builder(
                "Alpha Growth Fund I", 2024, FundStrategy.GROWTH_EQUITY, "USD", new BigDecimal("250000000.00"));
    }

    /** A profile without any attributes: the changes of a revision that changes nothing. */
    static Builder noChanges() {
        return new Builder(null, null, null, null, null);
    }

    static final class Builder {

        private @Nullable String name;
        private @Nullable Integer vintageYear;
        private @Nullable FundStrategy strategy;
        private @Nullable String currency;
        private @Nullable BigDecimal targetSize;

        private Builder(
                @Nullable String name,
                @Nullable Integer vintageYear,
                @Nullable FundStrategy strategy,
                @Nullable String currency,
                @Nullable BigDecimal targetSize) {
            this.name = name;
            this.vintageYear = vintageYear;
            this.strategy = strategy;
            this.currency = currency;
            this.targetSize = targetSize;
        }

        Builder withName(@Nullable String name) {
            this.name = name;
            return this;
        }

        Builder withVintageYear(@Nullable Integer vintageYear) {
            this.vintageYear = vintageYear;
            return this;
        }

        Builder withStrategy(@Nullable FundStrategy strategy) {
            this.strategy = strategy;
            return this;
        }

        Builder withCurrency(@Nullable String currency) {
            this.currency = currency;
            return this;
        }

        Builder withTargetSize(@Nullable String targetSize) {
            this.targetSize = targetSize == null ? null : new BigDecimal(targetSize);
            return this;
        }

        FundProfile build() {
            return new FundProfile(name, vintageYear, strategy, currency, targetSize);
        }
    }
}
