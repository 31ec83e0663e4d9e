package dev.diligence.persistence.framework;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Valid weight changes of version 1 for the tests, with scales chosen to prove that they are kept. */
final class DerivedWeights {

    private DerivedWeights() {}

    /**
     * Dimensions 0.25 each; D1's criteria 0.3 / 0.3000 / 0.4 (the same value at two scales). Every
     * other weight stays version 1's.
     */
    static Map<String, BigDecimal> evenDimensions() {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        weights.put("D1", new BigDecimal("0.25"));
        weights.put("D2", new BigDecimal("0.25"));
        weights.put("D3", new BigDecimal("0.25"));
        weights.put("D4", new BigDecimal("0.25"));
        weights.put("C1.1", new BigDecimal("0.3"));
        weights.put("C1.2", new BigDecimal("0.3000"));
        weights.put("C1.3", new BigDecimal("0.4"));
        return weights;
    }
}
