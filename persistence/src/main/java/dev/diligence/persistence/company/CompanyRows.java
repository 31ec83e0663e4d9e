package dev.diligence.persistence.company;

import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.company.CompanyProfile;
import dev.diligence.domain.company.CompanyStage;
import dev.diligence.domain.company.ExternalReference;
import dev.diligence.domain.company.Sector;
import dev.diligence.persistence.sql.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Companies to and from rows of {@code companies}, every column in this one place. Read: {@link #SELECT}
 * and {@link #company(ResultSet)}, what {@link CompanyPersistenceAdapter} selects and what a statement
 * of another feature reads to show a company beside its own rows (an assessment read by id comes with
 * its company) instead of a second statement; every column is named {@code co_*}, so it cannot clash
 * with the statement's own, and the statement joins {@code companies} as {@code co} and adds
 * {@link #REFERENCES} after it. Written: {@link #INSERT} and {@link #UPDATE} with {@link #parameters}.
 */
public final class CompanyRows {

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

    /** Adds a company at version 0: every column as a parameter of {@link #parameters}. */
    static final String INSERT = """
            insert into companies (tenant_id, id, name, website, sector, headquarters_country, stage, employee_count,
                description, archived, version, created_at, updated_at)
            values (:tenant, :id, :name, :website, :sector, :headquartersCountry, :stage, :employeeCount, :description,
                :archived, 0, :createdAt, :updatedAt)""";

    /** Changes a company read at {@code :version} and increments its version; 0 rows when it changed since. */
    static final String UPDATE = """
            update companies set name = :name, website = :website, sector = :sector,
                headquarters_country = :headquartersCountry, stage = :stage, employee_count = :employeeCount,
                description = :description, archived = :archived, version = version + 1, created_at = :createdAt,
                updated_at = :updatedAt
            where tenant_id = :tenant and id = :id and version = :version""";

    private CompanyRows() {}

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
                Timestamps.instant(rs, "co_created_at"),
                Timestamps.instant(rs, "co_updated_at"));
    }

    /** Every column of the company as a parameter of the same name in camel case, {@code :tenant} included. */
    static MapSqlParameterSource parameters(UUID tenant, Company company) {
        CompanyProfile profile = company.profile();
        return new MapSqlParameterSource("tenant", tenant)
                .addValue("id", company.id().value())
                .addValue("name", profile.name())
                .addValue("website", profile.website())
                .addValue("sector", profile.sector().name())
                .addValue("headquartersCountry", profile.headquartersCountry())
                .addValue("stage", profile.stage().name())
                .addValue("employeeCount", profile.employeeCount())
                .addValue("description", profile.description())
                .addValue("archived", company.archived())
                .addValue("version", company.version())
                .addValue("createdAt", Timestamps.of(company.createdAt()))
                .addValue("updatedAt", Timestamps.of(company.updatedAt()));
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

    /** The company as a read right after the write gives it: at {@code version}, its instants as stored. */
    static Company stored(Company company, long version) {
        return new Company(
                company.id(),
                company.profile(),
                company.externalReferences(),
                company.archived(),
                version,
                Timestamps.stored(company.createdAt()),
                Timestamps.stored(company.updatedAt()));
    }
}
