package dev.diligence.persistence.access;

import dev.diligence.domain.access.FundGrant;
import dev.diligence.domain.access.FundGrants;
import dev.diligence.domain.fund.FundId;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fund grants in {@code fund_grants}. Plain SQL, so every statement names the current tenant;
 * row-level security checks it again. Runs inside the caller's transaction.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class FundGrantPersistenceAdapter implements FundGrants {

    private static final String COLUMNS = "id, fund_id, subject, granted_by, granted_at";

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;

    FundGrantPersistenceAdapter(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
    }

    @Override
    public List<FundGrant> ofFund(FundId fund) {
        return jdbc.query(
                "select " + COLUMNS
                        + " from fund_grants where tenant_id = :tenant and fund_id = :fund order by subject",
                tenant().addValue("fund", fund.value()),
                (row, index) -> map(row));
    }

    @Override
    public List<FundGrant> ofSubject(String subject) {
        return jdbc.query(
                "select " + COLUMNS
                        + " from fund_grants where tenant_id = :tenant and subject = :subject order by granted_at, id",
                tenant().addValue("subject", subject),
                (row, index) -> map(row));
    }

    @Override
    public Optional<FundGrant> find(FundId fund, String subject) {
        return jdbc
                .query(
                        "select " + COLUMNS
                                + " from fund_grants where tenant_id = :tenant and fund_id = :fund and subject = :subject",
                        tenant().addValue("fund", fund.value()).addValue("subject", subject),
                        (row, index) -> map(row))
                .stream()
                .findFirst();
    }

    @Override
    public void add(FundGrant grant) {
        jdbc.update(
                """
                insert into fund_grants (tenant_id, id, fund_id, subject, granted_by, granted_at)
                values (:tenant, :id, :fund, :subject, :grantedBy, :grantedAt)""",
                tenant().addValue("id", grant.id())
                        .addValue("fund", grant.fund().value())
                        .addValue("subject", grant.subject())
                        .addValue("grantedBy", grant.grantedBy())
                        .addValue(
                                "grantedAt",
                                OffsetDateTime.ofInstant(
                                        grant.grantedAt().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC)));
    }

    @Override
    public void remove(FundGrant grant) {
        jdbc.update(
                "delete from fund_grants where tenant_id = :tenant and id = :id", tenant().addValue("id", grant.id()));
    }

    private MapSqlParameterSource tenant() {
        UUID tenant = currentTenant.required();
        return new MapSqlParameterSource("tenant", tenant);
    }

    private static FundGrant map(ResultSet row) throws SQLException {
        return new FundGrant(
                row.getObject("id", UUID.class),
                new FundId(row.getObject("fund_id", UUID.class)),
                row.getString("subject"),
                row.getString("granted_by"),
                row.getObject("granted_at", OffsetDateTime.class).toInstant());
    }
}
