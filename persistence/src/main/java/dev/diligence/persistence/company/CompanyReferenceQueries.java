package dev.diligence.persistence.company;

import dev.diligence.domain.company.ExternalReference;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The external references of companies, in {@code company_references}. Plain SQL, so every
 * statement names the current tenant explicitly; row-level security checks it again.
 */
@Component
class CompanyReferenceQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;

    CompanyReferenceQueries(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant) {
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
                order by company_id, source""", new MapSqlParameterSource("tenant", tenant()).addValue("companies", companies), row -> {
            references
                    .computeIfAbsent(row.getObject("company_id", UUID.class), id -> new ArrayList<>())
                    .add(new ExternalReference(row.getString("source"), row.getString("external_id")));
        });
        return references;
    }

    Optional<UUID> ownerOf(String source, String externalId) {
        return jdbc
                .queryForList(
                        """
                select company_id from company_references
                where tenant_id = :tenant and source = :source and external_id = :externalId""",
                        new MapSqlParameterSource("tenant", tenant())
                                .addValue("source", source)
                                .addValue("externalId", externalId),
                        UUID.class)
                .stream()
                .findFirst();
    }

    /** The companies holding these external IDs of {@code source}, by external ID. */
    Map<String, UUID> ownersOf(String source, Collection<String> externalIds) {
        Map<String, UUID> owners = new HashMap<>();
        if (externalIds.isEmpty()) {
            return owners;
        }
        // One unique-key lookup per external ID (the lateral limit keeps the plan a nested loop), so the
        // plan does not depend on statistics that lag behind a bulk sync.
        jdbc.query(
                """
                select wanted.external_id, reference.company_id
                from unnest(cast(:externalIds as text[])) as wanted (external_id)
                cross join lateral (
                    select company_id from company_references
                    where tenant_id = :tenant and source = :source and external_id = wanted.external_id
                    limit 1) as reference""",
                new MapSqlParameterSource("tenant", tenant())
                        .addValue("source", source)
                        .addValue("externalIds", Set.copyOf(externalIds).toArray(String[]::new)),
                row -> {
                    owners.put(row.getString("external_id"), row.getObject("company_id", UUID.class));
                });
        return owners;
    }

    /**
     * Makes each company's references (by company) its only references: one delete for all of them
     * and one batch of inserts.
     */
    void replaceAll(Map<UUID, List<ExternalReference>> referencesByCompany) {
        if (referencesByCompany.isEmpty()) {
            return;
        }
        UUID tenant = tenant();
        jdbc.update(
                "delete from company_references where tenant_id = :tenant and company_id in (:companies)",
                new MapSqlParameterSource("tenant", tenant).addValue("companies", referencesByCompany.keySet()));
        insertAll(tenant, referencesByCompany);
    }

    /** Adds the references of companies that have none yet, in one batch. */
    void addAll(Map<UUID, List<ExternalReference>> referencesByCompany) {
        insertAll(tenant(), referencesByCompany);
    }

    private void insertAll(UUID tenant, Map<UUID, List<ExternalReference>> referencesByCompany) {
        MapSqlParameterSource[] rows = referencesByCompany.entrySet().stream()
                .flatMap(company -> company.getValue().stream()
                        .map(reference -> new MapSqlParameterSource("tenant", tenant)
                                .addValue("company", company.getKey())
                                .addValue("source", reference.source())
                                .addValue("externalId", reference.externalId())))
                .toArray(MapSqlParameterSource[]::new);
        if (rows.length > 0) {
            jdbc.batchUpdate("""
                    insert into company_references (tenant_id, company_id, source, external_id)
                    values (:tenant, :company, :source, :externalId)""", rows);
        }
    }

    private UUID tenant() {
        return currentTenant.required();
    }
}
