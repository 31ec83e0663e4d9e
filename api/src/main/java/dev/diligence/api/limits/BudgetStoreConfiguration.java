package dev.diligence.api.limits;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses where the callers' buckets live: {@code diligence.limits.budget-store.type} ({@link BudgetStoreProperties}). */
@Configuration(proxyBeanMethods = false)
class BudgetStoreConfiguration {

    private static final String TYPE = "diligence.limits.budget-store.type";

    @Bean
    @ConditionalOnProperty(name = TYPE, havingValue = "memory", matchIfMissing = true)
    CallerBuckets inMemoryCallerBuckets() {
        return CallerBuckets.inMemory();
    }

    @Bean
    @ConditionalOnProperty(name = TYPE, havingValue = "postgresql")
    SharedCallerBuckets sharedCallerBuckets(DataSource dataSource, BudgetStoreProperties properties) {
        return new SharedCallerBuckets(dataSource, properties);
    }
}
