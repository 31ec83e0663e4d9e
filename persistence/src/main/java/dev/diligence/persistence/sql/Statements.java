package dev.diligence.persistence.sql;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Runs one statement for many rows: a single row as a plain statement (whose failure names the
 * constraint it broke), several as one JDBC batch (a few round trips for hundreds of rows).
 */
public final class Statements {

    private Statements() {}

    /** The rows each run changed, in the order given. */
    public static int[] forEach(NamedParameterJdbcTemplate jdbc, String sql, SqlParameterSource[] rows) {
        if (rows.length == 0) {
            return new int[0];
        }
        if (rows.length == 1) {
            return new int[] {jdbc.update(sql, rows[0])};
        }
        return jdbc.batchUpdate(sql, rows);
    }
}
