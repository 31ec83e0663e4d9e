package dev.diligence.persistence.holding;

import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.holding.Holding;
import dev.diligence.domain.holding.HoldingId;
import dev.diligence.domain.holding.HoldingTerms;
import dev.diligence.persistence.sql.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** Holdings to and from rows of {@code holdings}, every column in this one place: read and written. */
final class HoldingRows {

    /** The columns of {@code holdings h}, {@code tenant_id} included for joins. */
    static final String COLUMNS = "h.tenant_id, h.id, h.fund_id, h.company_id, h.deal_stage, h.ownership_percentage,"
            + " h.entry_date, h.exit_date, h.deal_lead, h.version, h.created_at, h.updated_at";

    /** Adds a holding at version 0: every column as a parameter of {@link #parameters}. */
    static final String INSERT = """
            insert into holdings (tenant_id, id, fund_id, company_id, deal_stage, ownership_percentage, entry_date,
                exit_date, deal_lead, version, created_at, updated_at)
            values (:tenant, :id, :fund, :company, :dealStage, :ownershipPercentage, :entryDate, :exitDate, :dealLead,
                0, :createdAt, :updatedAt)""";

    /**
     * Changes a holding read at {@code :version} and increments its version; 0 rows when it changed since.
     * Fund and company never change: a holding is of one company in one fund.
     */
    static final String UPDATE = """
            update holdings set deal_stage = :dealStage, ownership_percentage = :ownershipPercentage,
                entry_date = :entryDate, exit_date = :exitDate, deal_lead = :dealLead, version = version + 1,
                created_at = :createdAt, updated_at = :updatedAt
            where tenant_id = :tenant and id = :id and version = :version""";

    private HoldingRows() {}

    static Holding of(ResultSet row) throws SQLException {
        HoldingTerms terms = new HoldingTerms(
                DealStage.valueOf(row.getString("deal_stage")),
                row.getBigDecimal("ownership_percentage"),
                row.getObject("entry_date", LocalDate.class),
                row.getObject("exit_date", LocalDate.class),
                row.getString("deal_lead"));
        return new Holding(
                new HoldingId(row.getObject("id", UUID.class)),
                new FundId(row.getObject("fund_id", UUID.class)),
                new CompanyId(row.getObject("company_id", UUID.class)),
                terms,
                row.getLong("version"),
                Timestamps.instant(row, "created_at"),
                Timestamps.instant(row, "updated_at"));
    }

    /** Every column of the holding as a parameter of the same name in camel case, {@code :tenant} included. */
    static MapSqlParameterSource parameters(UUID tenant, Holding holding) {
        HoldingTerms terms = holding.terms();
        return new MapSqlParameterSource("tenant", tenant)
                .addValue("id", holding.id().value())
                .addValue("fund", holding.fund().value())
                .addValue("company", holding.company().value())
                .addValue("dealStage", terms.dealStage().name())
                .addValue("ownershipPercentage", terms.ownershipPercentage())
                .addValue("entryDate", terms.entryDate())
                .addValue("exitDate", terms.exitDate())
                .addValue("dealLead", terms.dealLead())
                .addValue("version", holding.version())
                .addValue("createdAt", Timestamps.of(holding.createdAt()))
                .addValue("updatedAt", Timestamps.of(holding.updatedAt()));
    }

    /** The holding as a read right after the write gives it: at {@code version}, its instants as stored. */
    static Holding stored(Holding holding, long version) {
        return new Holding(
                holding.id(),
                holding.fund(),
                holding.company(),
                holding.terms(),
                version,
                Timestamps.stored(holding.createdAt()),
                Timestamps.stored(holding.updatedAt()));
    }
}
