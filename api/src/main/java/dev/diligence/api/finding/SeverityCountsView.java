package dev.diligence.api.finding;

import dev.diligence.domain.finding.Severity;
import java.util.Map;

/** GraphQL {@code FindingSeverityCounts} from counts per severity that hold every severity as a key. */
public record SeverityCountsView(long critical, long high, long medium, long low, long info) {

    public static SeverityCountsView of(Map<Severity, ? extends Number> counts) {
        return new SeverityCountsView(
                counts.get(Severity.CRITICAL).longValue(),
                counts.get(Severity.HIGH).longValue(),
                counts.get(Severity.MEDIUM).longValue(),
                counts.get(Severity.LOW).longValue(),
                counts.get(Severity.INFO).longValue());
    }
}
