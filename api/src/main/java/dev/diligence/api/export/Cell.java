package dev.diligence.api.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One value of an exported table, typed so that each format writes it as what it is: a spreadsheet
 * gets numbers it can sum and dates it can sort, and only text is neutralised against formula
 * injection ({@link FormulaGuard}), so a negative number stays a number. A null value is an empty cell.
 */
public record Cell(Kind kind, @Nullable Object value) {

    public enum Kind {
        TEXT,
        NUMBER,
        BOOLEAN,
        DATE,
        TIMESTAMP
    }

    public static Cell text(@Nullable String value) {
        return new Cell(Kind.TEXT, value);
    }

    /** An exact decimal, written with all its places. */
    public static Cell number(@Nullable BigDecimal value) {
        return new Cell(Kind.NUMBER, value);
    }

    public static Cell number(long value) {
        return new Cell(Kind.NUMBER, BigDecimal.valueOf(value));
    }

    /** A whole number that may be absent (e.g. a level that is only given when scored). */
    public static Cell integer(@Nullable Integer value) {
        return new Cell(Kind.NUMBER, value == null ? null : BigDecimal.valueOf(value));
    }

    /** True or false: {@code true}/{@code false} in CSV, as the API's JSON writes them; a boolean cell in XLSX. */
    public static Cell bool(boolean value) {
        return new Cell(Kind.BOOLEAN, value);
    }

    public static Cell date(@Nullable LocalDate value) {
        return new Cell(Kind.DATE, value);
    }

    /** An instant, written in UTC. */
    public static Cell timestamp(@Nullable Instant value) {
        return new Cell(Kind.TIMESTAMP, value);
    }
}
