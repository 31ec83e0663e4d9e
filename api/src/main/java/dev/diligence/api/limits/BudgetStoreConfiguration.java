package dev.diligence.api.limits;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses where the callers' buckets live: {@code diligence.limits.budget-store.type} ({@link BudgetStoreProperties}). */
@Configuration(proxyBeanMethods = false)
class BudgetStoreConfiguration {

    private static final String TYPE = "diligence.limits.budget-store.type";

    /** A shared row outlives every replica's allowance of its caller by this much, clock skew included. */
    private static final Duration KEPT_LONGER = Duration.ofMinutes(1);

    @Bean
    @ConditionalOnProperty(name = TYPE, havingValue = "memory", matchIfMissing = true)
    CallerBuckets inMemoryCallerBuckets() {
        return CallerBuckets.inMemory();
    }

    @Bean
    @ConditionalOnProperty(name = TYPE, havingValue = "postgresql")
    SharedCallerBuckets sharedCallerBuckets(
            DataSource dataSource, BudgetStoreProperties properties, LimitsProperties limits) {
        Duration keptUnused =
                new RateBudgets(limits.rate()).untilEveryBucketIsFull().plus(KEPT_LONGER);
        return new SharedCallerBuckets(dataSource, properties, keptUnused);
    }
}
