package dev.diligence.persistence.framework;

import dev.diligence.domain.framework.Criterion;
import dev.diligence.domain.framework.Dimension;
import dev.diligence.domain.framework.LevelDescriptors;
import dev.diligence.domain.framework.Standard;
import dev.diligence.domain.framework.StandardReference;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The structure of platform versions from the platform tables {@code framework_dimensions},
 * {@code framework_criteria} and {@code framework_criterion_references}: three queries for any number
 * of versions. Only platform versions have rows there; a derived version reuses its base's.
 */
final class PlatformDimensionQueries {

    private record DimensionRow(int version, String code, String name, BigDecimal weight) {}

    private record CriterionKey(int version, String code) {}

    private final NamedParameterJdbcTemplate jdbc;

    PlatformDimensionQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The dimensions of each of {@code versions}, in framework order, each with its criteria in order. */
    Map<Integer, List<Dimension>> of(Collection<Integer> versions) {
        if (versions.isEmpty()) {
            return Map.of();
        }
        MapSqlParameterSource filter = new MapSqlParameterSource("versions", versions);
        Map<CriterionKey, List<StandardReference>> references = new LinkedHashMap<>();
        jdbc.query(
                "select version, criterion_code, standard, clause from framework_criterion_references"
                        + " where version in (:versions) order by version, criterion_code, position",
                filter,
                row -> {
                    references
                            .computeIfAbsent(
                                    new CriterionKey(row.getInt("version"), row.getString("criterion_code")),
                                    key -> new ArrayList<>())
                            .add(new StandardReference(
                                    Standard.valueOf(row.getString("standard")), row.getString("clause")));
                });
        Map<String, List<Criterion>> criteria = new LinkedHashMap<>();
        jdbc.query(
                "select version, dimension_code, code, name, weight, descriptors from framework_criteria"
                        + " where version in (:versions) order by version, dimension_code, position",
                filter,
                row -> {
                    int version = row.getInt("version");
                    String code = row.getString("code");
                    criteria.computeIfAbsent(version + "/" + row.getString("dimension_code"), key -> new ArrayList<>())
                            .add(new Criterion(
                                    code,
                                    row.getString("name"),
                                    row.getBigDecimal("weight"),
                                    new LevelDescriptors(strings(row.getArray("descriptors"))),
                                    references.getOrDefault(new CriterionKey(version, code), List.of())));
                });
        Map<Integer, List<Dimension>> dimensions = new LinkedHashMap<>();
        jdbc.query(
                        "select version, code, name, weight from framework_dimensions where version in (:versions)"
                                + " order by version, position",
                        filter,
                        (row, index) -> new DimensionRow(
                                row.getInt("version"),
                                row.getString("code"),
                                row.getString("name"),
                                row.getBigDecimal("weight")))
                .forEach(d -> dimensions
                        .computeIfAbsent(d.version(), key -> new ArrayList<>())
                        .add(new Dimension(
                                d.code(),
                                d.name(),
                                d.weight(),
                                criteria.getOrDefault(d.version() + "/" + d.code(), List.of()))));
        return dimensions;
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
