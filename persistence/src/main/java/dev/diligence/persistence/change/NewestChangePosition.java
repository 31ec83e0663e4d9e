package dev.diligence.persistence.change;

import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The newest position the change feed has handed out, over all firms (see V023): a number for
 * operators, never served by the API. Read outside any transaction of a firm.
 */
@Repository
public class NewestChangePosition {

    private final JdbcTemplate jdbc;

    NewestChangePosition(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest position, or empty before the first change. */
    public OptionalLong read() {
        Long newest = jdbc.queryForObject("select changes_newest_position()", Long.class);
        return newest == null ? OptionalLong.empty() : OptionalLong.of(newest);
    }
}
