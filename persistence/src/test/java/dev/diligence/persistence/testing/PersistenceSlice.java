package dev.diligence.persistence.testing;

import dev.diligence.domain.tenant.TenantId;
import dev.diligence.persistence.PersistenceConfiguration;
import dev.diligence.persistence.tenancy.CurrentFundScope;
import dev.diligence.persistence.tenancy.CurrentTenant;
import dev.diligence.persistence.tenancy.FundScope;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The smallest Spring context that runs the persistence module: its configuration, a data source as
 * the application role on the test database, the tenant transaction manager, and a current tenant
 * the test sets with {@link #actAs}. Use it as {@code @SpringBootTest(classes = PersistenceSlice.class)}
 * with {@link #register} in a {@code @DynamicPropertySource}; the classes that do share one cached
 * context. Deliberately not a {@code @Configuration}: the api module's tests have this test jar on
 * their classpath, and PersistenceConfiguration's component scan must not pick it up there.
 */
@EnableAutoConfiguration
@Import(PersistenceConfiguration.class)
public class PersistenceSlice {

    /** The tenant the next transaction acts for; null for platform work outside any tenant. */
    private static volatile @Nullable UUID acting;

    /** Makes the following transactions act for {@code tenant} (null: for no tenant). */
    public static void actAs(@Nullable UUID tenant) {
        acting = tenant;
    }

    /** Points the context at the test database as the application role, with migrations already applied. */
    public static void register(DynamicPropertyRegistry registry) {
        TestDatabase.get().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.flyway.enabled", () -> "false");
    }

    @Bean
    CurrentTenant currentTenant() {
        return () -> Optional.ofNullable(acting).map(TenantId::new);
    }

    @Bean
    CurrentFundScope currentFundScope() {
        return () -> FundScope.TENANT_WIDE;
    }
}
