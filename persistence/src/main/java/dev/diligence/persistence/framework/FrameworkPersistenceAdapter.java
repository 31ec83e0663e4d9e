package dev.diligence.persistence.framework;

import dev.diligence.domain.framework.Dimension;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.framework.Frameworks;
import dev.diligence.domain.framework.RedFlagRuleSetId;
import dev.diligence.domain.framework.TenantDerivation;
import dev.diligence.domain.framework.WeightDerivation;
import dev.diligence.domain.tenant.TenantId;
import dev.diligence.persistence.tenancy.CurrentTenant;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Framework versions from {@code framework_versions}: platform versions with their structure in the
 * platform tables, and derived versions of the current tenant with their weights in
 * {@code framework_version_weights}. Row-level security shows a transaction the platform rows and
 * its own tenant's rows only, and every statement states the tenant as well ({@code tenant_id is null}
 * or the current tenant's), so another tenant's derived version is never loaded. A derived
 * version is assembled from its base through the domain ({@link FrameworkVersion#deriveWeights}),
 * which checks the stored weights again. One query (two when a derived version is visible) once the
 * platform structure is cached, for any number of versions.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class FrameworkPersistenceAdapter implements Frameworks {

    /**
     * One visible row of {@code framework_versions}; {@code redFlagRules} is the base's for a derived version.
     *
     * @param tenant null for a platform version
     * @param base   null for a platform version
     */
    private record VersionRow(
            int version, @Nullable UUID tenant, @Nullable Integer base, String redFlagRules) {

        int platformVersion() {
            return base == null ? version : base;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentTenant currentTenant;
    private final PlatformDimensionQueries platformDimensions;
    /**
     * The structure (dimensions, criteria, descriptors, references) of each platform version read so
     * far. Only migrations write the platform tables (the application role may only read them), so a
     * structure never changes while the application runs. Which versions a transaction sees is still
     * asked of the database every time: visibility is never cached.
     */
    private final Map<Integer, List<Dimension>> platformStructure = new ConcurrentHashMap<>();

    FrameworkPersistenceAdapter(NamedParameterJdbcTemplate jdbc, CurrentTenant currentTenant) {
        this.jdbc = jdbc;
        this.currentTenant = currentTenant;
        this.platformDimensions = new PlatformDimensionQueries(jdbc);
    }

    @Override
    public List<FrameworkVersion> all() {
        return load(null);
    }

    @Override
    public Optional<FrameworkVersion> find(int version) {
        return load(version).stream().findFirst();
    }

    @Override
    public int nextDerivedNumber() {
        Integer number = jdbc.getJdbcOperations()
                .queryForObject("select nextval('framework_derived_version_numbers')", Integer.class);
        if (number == null) {
            throw new IllegalStateException("the sequence of derived version numbers returned nothing");
        }
        return number;
    }

    @Override
    public FrameworkVersion add(FrameworkVersion derived) {
        TenantDerivation derivation = derived.derivation();
        if (derivation == null) {
            throw new IllegalArgumentException(
                    "only a derived version is stored; version " + derived.number() + " is a platform version");
        }
        UUID tenant = derivation.tenant().value();
        jdbc.update(
                "insert into framework_versions (version, tenant_id, base_version) values (:version, :tenant, :base)",
                new MapSqlParameterSource("version", derived.number())
                        .addValue("tenant", tenant)
                        .addValue("base", derivation.baseVersion()));
        SqlParameterSource[] weights = derived.weights().entrySet().stream()
                .map(weight -> new MapSqlParameterSource("tenant", tenant)
                        .addValue("version", derived.number())
                        .addValue("code", weight.getKey())
                        .addValue("weight", weight.getValue()))
                .toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate(
                "insert into framework_version_weights (tenant_id, version, code, weight) values (:tenant, :version, :code, :weight)",
                weights);
        return find(derived.number())
                .orElseThrow(() ->
                        new IllegalStateException("derived version " + derived.number() + " cannot be read back"));
    }

    /**
     * The platform versions and the current tenant's derived ones (only the platform versions without
     * a tenant), all of them or the one numbered {@code only}. A derived version's base is always a
     * platform version (V016's checks), which the join states too.
     */
    private List<FrameworkVersion> load(@Nullable Integer only) {
        List<VersionRow> rows = jdbc.query(
                """
                select v.version, v.tenant_id, v.base_version, coalesce(v.red_flag_rules, b.red_flag_rules) as red_flag_rules
                from framework_versions v
                left join framework_versions b on b.tenant_id is null and b.version = v.base_version
                where (v.tenant_id is null or v.tenant_id = cast(:tenant as uuid))
                  and (cast(:only as integer) is null or v.version = cast(:only as integer))
                order by v.version""",
                new MapSqlParameterSource("only", only)
                        .addValue(
                                "tenant",
                                currentTenant.get().map(TenantId::value).orElse(null)),
                (row, index) -> new VersionRow(
                        row.getInt("version"),
                        row.getObject("tenant_id", UUID.class),
                        (Integer) row.getObject("base_version"),
                        row.getString("red_flag_rules")));
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Integer> missing = rows.stream()
                .map(VersionRow::platformVersion)
                .distinct()
                .filter(number -> !platformStructure.containsKey(number))
                .toList();
        if (!missing.isEmpty()) {
            platformStructure.putAll(platformDimensions.of(missing));
        }
        Map<Integer, List<Dimension>> dimensions = platformStructure;
        Map<Integer, Map<String, BigDecimal>> weights = derivedWeights(rows.stream()
                .filter(row -> row.base() != null)
                .map(VersionRow::version)
                .toList());
        Map<Integer, FrameworkVersion> platform = new HashMap<>();
        return rows.stream()
                .map(row -> {
                    FrameworkVersion base = platform.computeIfAbsent(
                            row.platformVersion(),
                            number -> FrameworkVersion.platform(
                                    number,
                                    new RedFlagRuleSetId(row.redFlagRules()),
                                    dimensions.getOrDefault(number, List.of())));
                    return row.tenant() == null
                            ? base
                            : derived(base, row, weights.getOrDefault(row.version(), Map.of()));
                })
                .toList();
    }

    /** The stored weights of each of the derived {@code versions} (the current tenant's), by code. */
    private Map<Integer, Map<String, BigDecimal>> derivedWeights(List<Integer> versions) {
        Map<Integer, Map<String, BigDecimal>> weights = new HashMap<>();
        if (versions.isEmpty()) {
            // nothing derived is visible (always so without a tenant): the tenant-owned table is not touched
            return weights;
        }
        jdbc.query(
                """
                select version, code, weight from framework_version_weights
                where tenant_id = :tenant and version in (:versions) order by version, code""",
                new MapSqlParameterSource("tenant", currentTenant.required()).addValue("versions", versions),
                row -> {
                    weights.computeIfAbsent(row.getInt("version"), key -> new LinkedHashMap<>())
                            .put(row.getString("code"), row.getBigDecimal("weight"));
                });
        return weights;
    }

    /** The derived version of {@code row}: its base with the stored weights, checked again by the domain. */
    private static FrameworkVersion derived(FrameworkVersion base, VersionRow row, Map<String, BigDecimal> weights) {
        WeightDerivation derivation = base.deriveWeights(row.version(), new TenantId(row.tenant()), weights);
        if (derivation instanceof WeightDerivation.Derived stored) {
            return stored.version();
        }
        throw new IllegalStateException("the stored weights of framework version " + row.version()
                + " break the weight rules: " + ((WeightDerivation.Rejected) derivation).violations());
    }
}
