package dev.diligence.domain.portfolio;

import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The points of a trend between {@code from} and {@code to} (both included, at microsecond resolution):
 * the end of every calendar month or quarter in UTC that lies in the window, each the last microsecond
 * of its period (2026-01-31T23:59:59.999999Z), then {@code to} itself unless it is such an end, so the
 * last point is always the state at the end of the window (the running period so far). A window
 * always has at least one point, and at most {@value #MAX_POINTS}.
 */
public final class TrendPeriods {

    /** The most points a trend may have. */
    public static final int MAX_POINTS = 40;

    /** Dates are accepted in the years 1 to 9999 (those of the DateTime scalar and of PostgreSQL alike). */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private TrendPeriods() {}

    /**
     * The points of the window, in time order.
     *
     * @throws RuleViolationException when {@code from} is after {@code to}, a date lies outside the years 1-9999,
     *                                or the window has more than {@value #MAX_POINTS} points
     */
    public static List<TrendPeriod> between(Instant from, Instant to, TrendInterval interval) {
        Instant start = micros(from);
        Instant end = micros(to);
        if (start.isBefore(EARLIEST) || end.isAfter(LATEST)) {
            throw new RuleViolationException(Violation.of(
                    start.isBefore(EARLIEST) ? "from" : "to",
                    ViolationCode.OUT_OF_RANGE,
                    "a trend lies between the years 1 and 9999"));
        }
        if (start.isAfter(end)) {
            throw new RuleViolationException(
                    Violation.of("from", ViolationCode.OUT_OF_RANGE, "from must not be after to"));
        }
        List<TrendPeriod> points = new ArrayList<>();
        ZonedDateTime periodStart = firstDayOfPeriod(start, interval);
        while (points.size() <= MAX_POINTS) {
            ZonedDateTime next = periodStart.plusMonths(interval.months());
            Instant last = next.toInstant().minus(1, ChronoUnit.MICROS);
            if (last.isAfter(end)) {
                break;
            }
            points.add(new TrendPeriod(last, true));
            periodStart = next;
        }
        if (points.isEmpty() || !points.get(points.size() - 1).asOf().equals(end)) {
            points.add(new TrendPeriod(end, false));
        }
        if (points.size() > MAX_POINTS) {
            throw new RuleViolationException(Violation.of(
                    "interval",
                    ViolationCode.OUT_OF_RANGE,
                    "a trend has at most " + MAX_POINTS + " points: shorten the window or take a longer interval"));
        }
        return List.copyOf(points);
    }

    /** {@code instant} truncated to microseconds, the resolution of stored timestamps. */
    public static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static ZonedDateTime firstDayOfPeriod(Instant instant, TrendInterval interval) {
        ZonedDateTime day =
                instant.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
        int monthIndex = day.getMonthValue() - 1;
        return day.withMonth(monthIndex - monthIndex % interval.months() + 1);
    }
}
