package dev.diligence.persistence.framework;

import dev.diligence.domain.framework.Criterion;
import dev.diligence.domain.framework.Dimension;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.framework.Frameworks;
import dev.diligence.domain.framework.LevelDescriptors;
import dev.diligence.domain.framework.RedFlagRuleSetId;
import dev.diligence.domain.framework.Standard;
import dev.diligence.domain.framework.StandardReference;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Framework versions from the platform tables {@code framework_*}: four queries for any number of
 * versions, assembled into the domain's immutable {@link FrameworkVersion}s.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class FrameworkPersistenceAdapter implements Frameworks {

    private record DimensionRow(int version, String code, String name, BigDecimal weight) {
    }

    private record CriterionKey(int version, String code) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    FrameworkPersistenceAdapter(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<FrameworkVersion> all() {
        return load(null);
    }

    @Override
    public Optional<FrameworkVersion> find(int version) {
        return load(version).stream().findFirst();
    }

    private List<FrameworkVersion> load(Integer only) {
        MapSqlParameterSource filter = new MapSqlParameterSource("only", only);
        String where = " where (cast(:only as integer) is null or version = cast(:only as integer))";
        Map<CriterionKey, List<StandardReference>> references = new LinkedHashMap<>();
        jdbc.query("select version, criterion_code, standard, clause from framework_criterion_references" + where
                + " order by version, criterion_code, position", filter, row -> {
                    references.computeIfAbsent(new CriterionKey(row.getInt("version"), row.getString("criterion_code")), key -> new ArrayList<>())
                            .add(new StandardReference(Standard.valueOf(row.getString("standard")), row.getString("clause")));
                });
        Map<String, List<Criterion>> criteria = new LinkedHashMap<>();
        jdbc.query("select version, dimension_code, code, name, weight, descriptors from framework_criteria" + where
                + " order by version, dimension_code, position", filter, row -> {
                    int version = row.getInt("version");
                    String code = row.getString("code");
                    criteria.computeIfAbsent(version + "/" + row.getString("dimension_code"), key -> new ArrayList<>())
                            .add(new Criterion(code, row.getString("name"), row.getBigDecimal("weight"),
                                    new LevelDescriptors(strings(row.getArray("descriptors"))),
                                    references.getOrDefault(new CriterionKey(version, code), List.of())));
                });
        List<DimensionRow> dimensions = jdbc.query("select version, code, name, weight from framework_dimensions" + where
                + " order by version, position", filter,
                (row, index) -> new DimensionRow(row.getInt("version"), row.getString("code"), row.getString("name"), row.getBigDecimal("weight")));
        return jdbc.query("select version, red_flag_rules from framework_versions" + where + " order by version", filter,
                (row, index) -> {
                    int version = row.getInt("version");
                    List<Dimension> ofVersion = dimensions.stream().filter(d -> d.version() == version)
                            .map(d -> new Dimension(d.code(), d.name(), d.weight(), criteria.getOrDefault(version + "/" + d.code(), List.of())))
                            .toList();
                    return FrameworkVersion.platform(version, new RedFlagRuleSetId(row.getString("red_flag_rules")), ofVersion);
                });
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
