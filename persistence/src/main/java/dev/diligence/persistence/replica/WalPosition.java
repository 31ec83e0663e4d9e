package dev.diligence.persistence.replica;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A position in PostgreSQL's write-ahead log (a {@code pg_lsn}), written as PostgreSQL writes it:
 * two hexadecimal halves, e.g. {@code 0/3000148}. Positions of one cluster only grow: a replica that
 * has replayed up to a position has replayed every commit that ended before it.
 *
 * @param value the 64-bit position, compared unsigned (PostgreSQL's order)
 */
public record WalPosition(long value) implements Comparable<WalPosition> {

    private static final Pattern TEXT = Pattern.compile("([0-9A-Fa-f]{1,8})/([0-9A-Fa-f]{1,8})");

    /** The position {@code text} names ({@code X/Y}, as {@code pg_lsn} prints it); empty when it names none. */
    public static Optional<WalPosition> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = TEXT.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long high = Long.parseLong(matcher.group(1), 16);
        long low = Long.parseLong(matcher.group(2), 16);
        return Optional.of(new WalPosition(high << 32 | low));
    }

    /** Whether this position is at or past {@code other}. */
    public boolean reached(WalPosition other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(WalPosition other) {
        return Long.compareUnsigned(value, other.value);
    }

    /** As PostgreSQL prints a {@code pg_lsn}: {@code X/Y} in upper-case hexadecimal. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%X/%X", value >>> 32, value & 0xFFFF_FFFFL);
    }
}
