package dev.diligence.persistence.company;

import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Companies by id in one plain SQL statement each, their external references aggregated beside
 * them: the read path of {@code node(id)} and of every batch of companies, which through the entity
 * manager took a query plan, a flush check and a persistence context per request, and a second
 * statement for the references. Reads what the entity writes: every write of
 * {@link CompanyPersistenceAdapter} is flushed before it returns, so a read later in the same
 * transaction sees it. States {@code tenant_id} explicitly; row-level security checks it again.
 */
@Component
class CompanyReader {

    private static final String SELECT = "select " + CompanyColumns.SELECT + "\nfrom companies co\n"
            + CompanyColumns.REFERENCES + "\nwhere co.tenant_id = :tenant and co.id in (:ids)";

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;

    CompanyReader(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
    }

    /** The current tenant's companies with these ids that exist, in no particular order. */
    List<Company> findAll(Collection<CompanyId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID tenant = currentTenant
                .get()
                .orElseThrow(() -> new IllegalStateException("companies need a current tenant"))
                .value();
        return jdbc.query(
                SELECT,
                new MapSqlParameterSource("tenant", tenant)
                        .addValue(
                                "ids",
                                ids.stream().map(CompanyId::value).distinct().toList()),
                (rs, index) -> CompanyColumns.company(rs));
    }
}
