package dev.diligence.api.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.portfolio.ScoreStatistics;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Reading portfolio responses parsed into maps, and comparing their statistics with the domain's. */
final class PortfolioResponses {

    private PortfolioResponses() {}

    /** The response's statistics equal {@code expected}: the count exactly, every decimal by value. */
    static void assertStatistics(Map<String, Object> actual, ScoreStatistics expected) {
        assertThat(actual).containsEntry("count", expected.count());
        assertDecimal(actual.get("mean"), expected.mean());
        assertDecimal(actual.get("median"), expected.median());
        assertDecimal(actual.get("min"), expected.min());
        assertDecimal(actual.get("max"), expected.max());
        assertDecimal(actual.get("lowerQuartile"), expected.lowerQuartile());
        assertDecimal(actual.get("upperQuartile"), expected.upperQuartile());
    }

    /** Null exactly when {@code expected} is, else equal by value. */
    static void assertDecimal(Object actual, BigDecimal expected) {
        if (expected == null) {
            assertThat(actual).isNull();
        } else {
            assertThat(decimal(actual)).isEqualByComparingTo(expected);
        }
    }

    static BigDecimal decimal(Object value) {
        return new BigDecimal(value.toString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> map, String key) {
        return (Map<String, Object>) map.get(key);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }
}
