package dev.diligence.domain.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diligence.domain.shared.RuleViolationException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendPeriodsTest {

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    void monthEndsAreTheLastMicrosecondOfEachMonthFollowedByTheWindowsEnd() {
        assertThat(TrendPeriods.between(
                        at("2026-01-15T10:00:00Z"), at("2026-03-02T00:00:00.0000019Z"), TrendInterval.MONTH))
                .containsExactly(
                        new TrendPeriod(at("2026-01-31T23:59:59.999999Z"), true),
                        new TrendPeriod(at("2026-02-28T23:59:59.999999Z"), true),
                        new TrendPeriod(at("2026-03-02T00:00:00.000001Z"), false));
    }

    @Test
    void quarterEndsFollowTheCalendarQuartersAndAWindowEndingAtOneAddsNothing() {
        assertThat(TrendPeriods.between(
                        at("2025-11-30T00:00:00Z"), at("2026-06-30T23:59:59.999999Z"), TrendInterval.QUARTER))
                .extracting(TrendPeriod::asOf)
                .containsExactly(
                        at("2025-12-31T23:59:59.999999Z"),
                        at("2026-03-31T23:59:59.999999Z"),
                        at("2026-06-30T23:59:59.999999Z"));
    }

    @Test
    void aWindowInsideOnePeriodHasOnlyItsEnd() {
        assertThat(TrendPeriods.between(at("2026-02-03T00:00:00Z"), at("2026-02-03T00:00:00Z"), TrendInterval.MONTH))
                .containsExactly(new TrendPeriod(at("2026-02-03T00:00:00Z"), false));
    }

    @Test
    void aWindowHasAtMostFortyPoints() {
        List<TrendPeriod> forty = TrendPeriods.between(
                at("2023-01-01T00:00:00Z"), at("2026-04-30T23:59:59.999999Z"), TrendInterval.MONTH);
        assertThat(forty).hasSize(TrendPeriods.MAX_POINTS);
        assertThatThrownBy(() -> TrendPeriods.between(
                        at("2023-01-01T00:00:00Z"), at("2026-05-01T00:00:00Z"), TrendInterval.MONTH))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("at most 40");
        assertThatThrownBy(() -> TrendPeriods.between(
                        at("0001-01-01T00:00:00Z"), at("9999-01-01T00:00:00Z"), TrendInterval.QUARTER))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void fromAfterToIsRefused() {
        assertThatThrownBy(() -> TrendPeriods.between(
                        at("2026-02-03T00:00:00Z"), at("2026-02-02T00:00:00Z"), TrendInterval.MONTH))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("from must not be after to");
    }
}
