package dev.diligence.persistence.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * Instants to and from {@code timestamptz} columns: in UTC, truncated to the microseconds PostgreSQL
 * keeps, so what a write returns equals what a later read gives.
 */
public final class Timestamps {

    private Timestamps() {}

    /** The value to bind for {@code instant}. */
    public static OffsetDateTime of(Instant instant) {
        return stored(instant).atOffset(ZoneOffset.UTC);
    }

    /** {@code instant} as the column keeps it, and a later read returns it. */
    public static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The instant the column holds; null for SQL null. */
    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
