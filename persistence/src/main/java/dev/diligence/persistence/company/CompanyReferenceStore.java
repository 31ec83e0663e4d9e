package dev.diligence.persistence.company;

import dev.diligence.domain.company.ExternalReference;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The external references of companies, in {@code company_references}. Plain SQL, so every
 * statement names the current tenant explicitly; row-level security checks it again.
 */
@Component
class CompanyReferenceStore {

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;

    CompanyReferenceStore(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
    }

    /** The references of each company, in source order; companies without any are absent. */
    Map<UUID, List<ExternalReference>> referencesOf(Collection<UUID> companies) {
        Map<UUID, List<ExternalReference>> references = new HashMap<>();
        if (companies.isEmpty()) {
            return references;
        }
        jdbc.query("""
                select company_id, source, external_id from company_references
                where tenant_id = :tenant and company_id in (:companies)
                order by company_id, source""",
                new MapSqlParameterSource("tenant", tenant()).addValue("companies", companies),
                row -> {
                    references.computeIfAbsent(row.getObject("company_id", UUID.class), id -> new ArrayList<>())
                            .add(new ExternalReference(row.getString("source"), row.getString("external_id")));
                });
        return references;
    }

    Optional<UUID> ownerOf(String source, String externalId) {
        return jdbc.queryForList("""
                select company_id from company_references
                where tenant_id = :tenant and source = :source and external_id = :externalId""",
                new MapSqlParameterSource("tenant", tenant()).addValue("source", source).addValue("externalId", externalId),
                UUID.class).stream().findFirst();
    }

    /** Makes {@code references} the company's only references. */
    void replace(UUID company, List<ExternalReference> references) {
        MapSqlParameterSource key = new MapSqlParameterSource("tenant", tenant()).addValue("company", company);
        jdbc.update("delete from company_references where tenant_id = :tenant and company_id = :company", key);
        for (ExternalReference reference : references) {
            jdbc.update("""
                    insert into company_references (tenant_id, company_id, source, external_id)
                    values (:tenant, :company, :source, :externalId)""",
                    new MapSqlParameterSource(key.getValues())
                            .addValue("source", reference.source())
                            .addValue("externalId", reference.externalId()));
        }
    }

    private UUID tenant() {
        return currentTenant.get().orElseThrow(() -> new IllegalStateException("company references need a current tenant")).value();
    }
}
