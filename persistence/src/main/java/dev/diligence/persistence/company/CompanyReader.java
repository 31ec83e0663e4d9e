package dev.diligence.persistence.company;

import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.company.CompanyProfile;
import dev.diligence.domain.company.CompanyStage;
import dev.diligence.domain.company.ExternalReference;
import dev.diligence.domain.company.Sector;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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

    private static final String SELECT = """
            select c.id, c.name, c.website, c.sector, c.headquarters_country, c.stage, c.employee_count, c.description,
                c.archived, c.version, c.created_at, c.updated_at, r.sources, r.external_ids
            from companies c
            left join lateral (
                select array_agg(x.source order by x.source, x.external_id) as sources,
                    array_agg(x.external_id order by x.source, x.external_id) as external_ids
                from company_references x where x.tenant_id = c.tenant_id and x.company_id = c.id) r on true
            where c.tenant_id = :tenant and c.id in (:ids)""";

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
        UUID tenant = currentTenant.get().orElseThrow(() -> new IllegalStateException("companies need a current tenant")).value();
        return jdbc.query(SELECT, new MapSqlParameterSource("tenant", tenant)
                .addValue("ids", ids.stream().map(CompanyId::value).distinct().toList()), (rs, index) -> company(rs));
    }

    private static Company company(ResultSet rs) throws SQLException {
        CompanyProfile profile = new CompanyProfile(rs.getString("name"), rs.getString("website"), Sector.valueOf(rs.getString("sector")),
                rs.getString("headquarters_country"), CompanyStage.valueOf(rs.getString("stage")), employees(rs),
                rs.getString("description"));
        return new Company(new CompanyId(rs.getObject("id", UUID.class)), profile, references(rs), rs.getBoolean("archived"),
                rs.getLong("version"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static Integer employees(ResultSet rs) throws SQLException {
        int count = rs.getInt("employee_count");
        return rs.wasNull() ? null : count;
    }

    private static List<ExternalReference> references(ResultSet rs) throws SQLException {
        java.sql.Array sources = rs.getArray("sources");
        if (sources == null) {
            return List.of();
        }
        String[] source = (String[]) sources.getArray();
        String[] externalId = (String[]) rs.getArray("external_ids").getArray();
        List<ExternalReference> references = new ArrayList<>(source.length);
        for (int i = 0; i < source.length; i++) {
            references.add(new ExternalReference(source[i], externalId[i]));
        }
        return List.copyOf(references);
    }
}
