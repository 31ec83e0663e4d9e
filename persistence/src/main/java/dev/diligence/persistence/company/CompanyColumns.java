package dev.diligence.persistence.company;

import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.company.CompanyProfile;
import dev.diligence.domain.company.CompanyStage;
import dev.diligence.domain.company.ExternalReference;
import dev.diligence.domain.company.Sector;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A whole company as columns of another statement: what {@link CompanyPersistenceAdapter} selects, for a statement
 * of another feature that reads a company beside its own rows (an assessment read by id comes with its
 * company) instead of a second statement. Every column is named {@code co_*}, so it cannot clash
 * with the statement's own; the statement joins {@code companies} under the alias given and adds
 * {@link #REFERENCES} after it.
 */
public final class CompanyColumns {

    /** The columns of {@code companies co} and of {@link #REFERENCES}. */
    public static final String SELECT = """
            co.id as co_id, co.name as co_name, co.website as co_website, co.sector as co_sector,
                co.headquarters_country as co_headquarters_country, co.stage as co_stage,
                co.employee_count as co_employee_count, co.description as co_description,
                co.archived as co_archived, co.version as co_version, co.created_at as co_created_at,
                co.updated_at as co_updated_at, co_refs.sources as co_sources, co_refs.external_ids as co_external_ids""";

    /** The external references of {@code companies co}, aggregated in one row, bytewise by source and id. */
    public static final String REFERENCES = """
            left join lateral (
                select array_agg(x.source order by x.source, x.external_id) as sources,
                    array_agg(x.external_id order by x.source, x.external_id) as external_ids
                from company_references x where x.tenant_id = co.tenant_id and x.company_id = co.id) co_refs on true""";

    private CompanyColumns() {}

    /** The company of the current row. */
    public static Company company(ResultSet rs) throws SQLException {
        CompanyProfile profile = new CompanyProfile(
                rs.getString("co_name"),
                rs.getString("co_website"),
                Sector.valueOf(rs.getString("co_sector")),
                rs.getString("co_headquarters_country"),
                CompanyStage.valueOf(rs.getString("co_stage")),
                employees(rs),
                rs.getString("co_description"));
        return new Company(
                new CompanyId(rs.getObject("co_id", UUID.class)),
                profile,
                references(rs),
                rs.getBoolean("co_archived"),
                rs.getLong("co_version"),
                rs.getObject("co_created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("co_updated_at", OffsetDateTime.class).toInstant());
    }

    private static Integer employees(ResultSet rs) throws SQLException {
        int count = rs.getInt("co_employee_count");
        return rs.wasNull() ? null : count;
    }

    private static List<ExternalReference> references(ResultSet rs) throws SQLException {
        java.sql.Array sources = rs.getArray("co_sources");
        if (sources == null) {
            return List.of();
        }
        String[] source = (String[]) sources.getArray();
        String[] externalId = (String[]) rs.getArray("co_external_ids").getArray();
        List<ExternalReference> references = new ArrayList<>(source.length);
        for (int i = 0; i < source.length; i++) {
            references.add(new ExternalReference(source[i], externalId[i]));
        }
        return List.copyOf(references);
    }
}
