package dev.diligence.persistence.fund;

import dev.diligence.domain.fund.Fund;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.fund.FundProfile;
import dev.diligence.domain.fund.FundStatus;
import dev.diligence.domain.fund.FundStrategy;
import dev.diligence.persistence.sql.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** Funds to and from rows of {@code funds}, every column in this one place: read and written. */
final class FundRows {

    static final String COLUMNS =
            "f.id, f.name, f.vintage_year, f.strategy, f.currency, f.target_size, f.status, f.version, f.created_at, f.updated_at";

    /** Adds a fund at version 0: every column as a parameter of {@link #parameters}. */
    static final String INSERT = """
            insert into funds (tenant_id, id, name, vintage_year, strategy, currency, target_size, status, version,
                created_at, updated_at)
            values (:tenant, :id, :name, :vintageYear, :strategy, :currency, :targetSize, :status, 0, :createdAt,
                :updatedAt)""";

    /** Changes a fund read at {@code :version} and increments its version; 0 rows when it changed since. */
    static final String UPDATE = """
            update funds set name = :name, vintage_year = :vintageYear, strategy = :strategy, currency = :currency,
                target_size = :targetSize, status = :status, version = version + 1, created_at = :createdAt,
                updated_at = :updatedAt
            where tenant_id = :tenant and id = :id and version = :version""";

    private FundRows() {}

    static Fund of(ResultSet rs) throws SQLException {
        FundProfile profile = new FundProfile(
                rs.getString("name"),
                rs.getInt("vintage_year"),
                FundStrategy.valueOf(rs.getString("strategy")),
                rs.getString("currency"),
                rs.getBigDecimal("target_size"));
        return new Fund(
                new FundId(rs.getObject("id", UUID.class)),
                profile,
                FundStatus.valueOf(rs.getString("status")),
                rs.getLong("version"),
                Timestamps.instant(rs, "created_at"),
                Timestamps.instant(rs, "updated_at"));
    }

    /** Every column of the fund as a parameter of the same name in camel case, {@code :tenant} included. */
    static MapSqlParameterSource parameters(UUID tenant, Fund fund) {
        FundProfile profile = fund.profile();
        return new MapSqlParameterSource("tenant", tenant)
                .addValue("id", fund.id().value())
                .addValue("name", profile.name())
                .addValue("vintageYear", profile.vintageYear())
                .addValue("strategy", profile.strategy().name())
                .addValue("currency", profile.currency())
                .addValue("targetSize", profile.targetSize())
                .addValue("status", fund.status().name())
                .addValue("version", fund.version())
                .addValue("createdAt", Timestamps.of(fund.createdAt()))
                .addValue("updatedAt", Timestamps.of(fund.updatedAt()));
    }

    /** The fund as a read right after the write gives it: at {@code version}, its instants as stored. */
    static Fund stored(Fund fund, long version) {
        return new Fund(
                fund.id(),
                fund.profile(),
                fund.status(),
                version,
                Timestamps.stored(fund.createdAt()),
                Timestamps.stored(fund.updatedAt()));
    }
}
