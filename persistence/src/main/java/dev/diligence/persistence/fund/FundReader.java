package dev.diligence.persistence.fund;

import dev.diligence.domain.fund.Fund;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.fund.FundProfile;
import dev.diligence.domain.fund.FundStatus;
import dev.diligence.domain.fund.FundStrategy;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Funds by id in one plain SQL statement: the read path of {@code node(id)} and of every batch of
 * funds, which through the entity manager took a persistence context and Hibernate's loading per
 * request (6% of a fund dashboard's samples). Reads what the entity writes: every write of
 * {@link FundPersistenceAdapter} is flushed before it returns. States {@code tenant_id} explicitly;
 * row-level security checks it again.
 */
@Component
class FundReader {

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;

    FundReader(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
    }

    /** The current tenant's funds with these ids that exist, in no particular order. */
    List<Fund> findAll(Collection<FundId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID tenant = currentTenant
                .get()
                .orElseThrow(() -> new IllegalStateException("funds need a current tenant"))
                .value();
        return jdbc.query(
                """
                select id, name, vintage_year, strategy, currency, target_size, status, version, created_at, updated_at
                from funds where tenant_id = :tenant and id in (:ids)""",
                new MapSqlParameterSource("tenant", tenant)
                        .addValue(
                                "ids",
                                ids.stream().map(FundId::value).distinct().toList()),
                (rs, index) -> fund(rs));
    }

    private static Fund fund(ResultSet rs) throws SQLException {
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
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
