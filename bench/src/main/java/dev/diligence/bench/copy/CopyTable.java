package dev.diligence.bench.copy;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.postgresql.copy.CopyManager;

/**
 * Rows of one table in PostgreSQL's COPY text format, buffered until {@link #copyInto}. Values are
 * written as the JDBC adapters bind them: {@code null} as {@code \N}, booleans as {@code t}/{@code f},
 * instants in UTC truncated to the microseconds the database keeps, decimals in plain notation (the
 * columns keep or round the scale exactly as they would for a bound {@code BigDecimal}).
 */
public final class CopyTable {

    private final String table;
    private final List<String> columns;
    private final StringBuilder rows = new StringBuilder(1 << 16);
    private int count;

    public CopyTable(String table, List<String> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    /** Appends one row; {@code values} are in the order of the columns. */
    public void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(
                    table + " has " + columns.size() + " columns, got " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append('\t');
            }
            append(values[i]);
        }
        rows.append('\n');
        count++;
    }

    public int count() {
        return count;
    }

    /** Streams the buffered rows into the table on the copy manager's connection and empties the buffer. */
    public void copyInto(CopyManager copy) throws SQLException, IOException {
        if (count > 0) {
            copy.copyIn(
                    "copy " + table + " (" + String.join(", ", columns) + ") from stdin",
                    new StringReader(rows.toString()));
        }
        rows.setLength(0);
        count = 0;
    }

    private void append(Object value) {
        if (value == null) {
            rows.append("\\N");
        } else if (value instanceof Boolean flag) {
            rows.append(flag ? 't' : 'f');
        } else if (value instanceof Instant instant) {
            rows.append(instant.truncatedTo(ChronoUnit.MICROS));
        } else if (value instanceof BigDecimal decimal) {
            rows.append(decimal.toPlainString());
        } else if (value instanceof Enum<?> constant) {
            rows.append(constant.name());
        } else {
            escape(value.toString());
        }
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
    }
}
