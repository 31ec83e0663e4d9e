package dev.diligence.api.framework;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a served {@code FrameworkVersion} (the response map, with dimensions, criteria, levels and references selected). */
final class ServedFramework {

    private ServedFramework() {}

    /** Every dimension and criterion weight by code, in framework order, compared as decimals by the tests. */
    static Map<String, BigDecimal> weights(Map<String, Object> framework) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        for (Map<String, Object> dimension : list(framework, "dimensions")) {
            weights.put((String) dimension.get("code"), decimal(dimension.get("weight")));
            for (Map<String, Object> criterion : list(dimension, "criteria")) {
                weights.put((String) criterion.get("code"), decimal(criterion.get("weight")));
            }
        }
        return weights;
    }

    static String name(Map<String, Object> framework, String criterionCode) {
        return (String) criterion(framework, criterionCode).get("name");
    }

    /** The level descriptions of a criterion, level 0 first. */
    static List<Object> descriptors(Map<String, Object> framework, String criterionCode) {
        return list(criterion(framework, criterionCode), "levels").stream()
                .map(level -> level.get("description"))
                .toList();
    }

    static List<Object> citations(Map<String, Object> framework, String criterionCode) {
        return list(criterion(framework, criterionCode), "references").stream()
                .map(reference -> reference.get("citation"))
                .toList();
    }

    private static Map<String, Object> criterion(Map<String, Object> framework, String code) {
        return list(framework, "dimensions").stream()
                .flatMap(dimension -> list(dimension, "criteria").stream())
                .filter(criterion -> code.equals(criterion.get("code")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no criterion " + code + " is served"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String field) {
        return (List<Map<String, Object>>) parent.get(field);
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }
}
