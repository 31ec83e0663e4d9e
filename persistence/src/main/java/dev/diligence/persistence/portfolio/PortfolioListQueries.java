package dev.diligence.persistence.portfolio;

import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.portfolio.PortfolioMember;
import dev.diligence.domain.portfolio.PortfolioQuery;
import dev.diligence.domain.shared.paging.Cursor;
import dev.diligence.domain.shared.paging.InvalidCursorException;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import dev.diligence.persistence.sql.Pages;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The portfolio's lists beside the cohort's rows, one statement each: pages of the held companies
 * outside the cohort (without a published assessment, or with their latest under another framework
 * version, all versions of a page in one statement), by name then company id, and the size of every
 * list a portfolio pages through, counted in PostgreSQL. Called only from
 * {@link PortfolioPersistenceAdapter}, in its mandatory transaction.
 */
@Component
class PortfolioListQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;

    PortfolioListQueries(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
    }

    Slice<PortfolioMember> unassessed(PortfolioQuery query, PageQuery page) {
        if (page.limit() == 0) {
            return new Slice<>(List.of(), false);
        }
        PortfolioSql.Statement statement = unassessedStatement(query, page);
        List<PortfolioMember> found = jdbc.query(
                statement.sql(),
                statement.parameters(),
                (rs, index) -> new PortfolioMember(
                        new CompanyId(rs.getObject("company_id", UUID.class)), rs.getString("name")));
        return Pages.slice(found, page);
    }

    /** The statement of a page of unassessed companies: {@code limit + 1} rows in the paging direction. */
    PortfolioSql.Statement unassessedStatement(PortfolioQuery query, PageQuery page) {
        MapSqlParameterSource values =
                PortfolioSql.parameters(currentTenant, query).addValue("window", page.limit() + 1);
        String direction = page.backward() ? "desc" : "asc";
        return new PortfolioSql.Statement(
                PortfolioSql.with(query)
                        + """
                select co.id as company_id, co.name
                from (select distinct company_id from held) h
                join companies co on co.tenant_id = :tenant and co.id = h.company_id
                where not exists (%s)%s
                order by co.name %s, co.id %s limit :window""".formatted(
                                        PortfolioSql.latestOf(query, "h.company_id"),
                                        after(page, values),
                                        direction,
                                        direction),
                values);
    }

    /** The statement counting the unassessed companies. */
    PortfolioSql.Statement unassessedCountStatement(PortfolioQuery query) {
        return new PortfolioSql.Statement(
                PortfolioSql.with(query) + """
                select count(*)
                from (select distinct company_id from held) h
                join companies co on co.tenant_id = :tenant and co.id = h.company_id
                where not exists (%s)""".formatted(PortfolioSql.latestOf(query, "h.company_id")),
                PortfolioSql.parameters(currentTenant, query));
    }

    long countUnassessed(PortfolioQuery query) {
        return count(unassessedCountStatement(query));
    }

    /** A page of each version's companies; every version given is a key. */
    Map<Integer, Slice<PortfolioMember>> otherVersion(
            PortfolioQuery query, Collection<Integer> versions, PageQuery page) {
        Map<Integer, List<PortfolioMember>> found = new LinkedHashMap<>();
        versions.forEach(version -> found.put(version, new ArrayList<>()));
        if (!versions.isEmpty() && page.limit() > 0) {
            PortfolioSql.Statement statement = otherVersionStatement(query, versions, page);
            jdbc.query(statement.sql(), statement.parameters(), rs -> {
                found.get(rs.getInt("framework_version"))
                        .add(new PortfolioMember(
                                new CompanyId(rs.getObject("company_id", UUID.class)), rs.getString("name")));
            });
        }
        Map<Integer, Slice<PortfolioMember>> slices = new LinkedHashMap<>();
        found.forEach((version, members) -> slices.put(version, Pages.slice(members, page)));
        return slices;
    }

    /**
     * The statement of a page of the companies under each of {@code versions}: a window numbers each
     * version's companies in the paging direction after the cursor and keeps the first {@code limit + 1}.
     * The compared version is never listed here, whatever is asked.
     */
    PortfolioSql.Statement otherVersionStatement(PortfolioQuery query, Collection<Integer> versions, PageQuery page) {
        MapSqlParameterSource values = PortfolioSql.parameters(currentTenant, query)
                .addValue("window", page.limit() + 1)
                .addValue("versions", List.copyOf(versions));
        String direction = page.backward() ? "desc" : "asc";
        return new PortfolioSql.Statement(
                PortfolioSql.with(query) + """
                select framework_version, company_id, name from (
                    select l.framework_version, l.company_id, co.name,
                        row_number() over (partition by l.framework_version order by co.name %2$s, co.id %2$s) as position
                    from latest l join companies co on co.tenant_id = :tenant and co.id = l.company_id
                    where l.framework_version in (:versions) and l.framework_version <> :version%1$s
                ) numbered
                where position <= :window
                order by framework_version, position""".formatted(after(page, values), direction), values);
    }

    /** The statement counting the companies under each of {@code versions} (never the compared one). */
    PortfolioSql.Statement otherVersionCountStatement(PortfolioQuery query, Collection<Integer> versions) {
        return new PortfolioSql.Statement(
                PortfolioSql.with(query) + """
                select l.framework_version, count(*) as companies
                from latest l join companies co on co.tenant_id = :tenant and co.id = l.company_id
                where l.framework_version in (:versions) and l.framework_version <> :version
                group by l.framework_version""",
                PortfolioSql.parameters(currentTenant, query).addValue("versions", List.copyOf(versions)));
    }

    Map<Integer, Long> countOtherVersion(PortfolioQuery query, Collection<Integer> versions) {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        versions.forEach(version -> counts.put(version, 0L));
        if (!versions.isEmpty()) {
            PortfolioSql.Statement statement = otherVersionCountStatement(query, versions);
            jdbc.query(statement.sql(), statement.parameters(), rs -> {
                counts.put(rs.getInt("framework_version"), rs.getLong("companies"));
            });
        }
        return counts;
    }

    /** The statement counting the cohort's companies: the rows {@code companies} pages through. */
    PortfolioSql.Statement cohortCountStatement(PortfolioQuery query) {
        return new PortfolioSql.Statement(
                PortfolioSql.with(query) + """
                select count(*) from cohort c join companies co on co.tenant_id = :tenant and co.id = c.company_id""", PortfolioSql.parameters(currentTenant, query));
    }

    long countCohort(PortfolioQuery query) {
        return count(cohortCountStatement(query));
    }

    /** The statement counting the cohort's criteria below target: the items {@code remediation} pages through. */
    PortfolioSql.Statement remediationCountStatement(PortfolioQuery query) {
        return new PortfolioSql.Statement(
                PortfolioSql.with(query) + """
                select count(*)
                from assessment_criterion_results r
                join cohort c on r.tenant_id = :tenant and r.assessment_id = c.id
                join companies co on co.tenant_id = :tenant and co.id = c.company_id
                where r.gap > 0""", PortfolioSql.parameters(currentTenant, query));
    }

    long countRemediation(PortfolioQuery query) {
        return count(remediationCountStatement(query));
    }

    private long count(PortfolioSql.Statement statement) {
        Long count = jdbc.queryForObject(statement.sql(), statement.parameters(), Long.class);
        return count == null ? 0 : count;
    }

    /** The keyset condition after the cursor, by name then company id, with its values added; empty for a first page. */
    private static String after(PageQuery page, MapSqlParameterSource values) {
        if (page.from().isEmpty()) {
            return "";
        }
        Cursor cursor = page.from().get();
        if (!cursor.ordering().equals(PortfolioMember.ORDER.name())) {
            throw new InvalidCursorException("the cursor belongs to another ordering");
        }
        values.addValue("afterName", cursor.sortValue()).addValue("afterId", cursor.id());
        return " and (co.name, co.id) " + (page.backward() ? "<" : ">") + " (:afterName, :afterId)";
    }
}
