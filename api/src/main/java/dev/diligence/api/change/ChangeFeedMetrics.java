package dev.diligence.api.change;

import dev.diligence.persistence.change.NewestChangePosition;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code diligence.changes.newest.position}: the newest position of the change feed, read
 * from the database when the metrics are scraped; NaN when there is none yet or the database cannot
 * be reached (a scrape never fails for it). Compared with the positions integrations have reached,
 * it shows how far behind they are.
 */
@Component
class ChangeFeedMetrics {

    static final String NEWEST_POSITION = "diligence.changes.newest.position";

    ChangeFeedMetrics(NewestChangePosition newest, MeterRegistry meters) {
        Gauge.builder(NEWEST_POSITION, newest, ChangeFeedMetrics::read)
                .description("The newest position the change feed has handed out, over all firms")
                .register(meters);
    }

    private static double read(NewestChangePosition newest) {
        try {
            return newest.read().stream()
                    .mapToDouble(position -> position)
                    .findFirst()
                    .orElse(Double.NaN);
        } catch (RuntimeException unreachable) {
            return Double.NaN;
        }
    }
}
