package dev.diligence.persistence.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diligence.domain.framework.FrameworkV1;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.framework.Frameworks;
import dev.diligence.domain.framework.WeightDerivation;
import dev.diligence.domain.tenant.TenantId;
import dev.diligence.persistence.testing.PersistenceSlice;
import dev.diligence.persistence.testing.TenantRows;
import dev.diligence.persistence.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The framework adapter in the smallest Spring context that runs it, as the application role: a
 * derived version round-trips exactly (every weight at the scale it was given), is listed after the
 * platform versions for its own tenant, and does not exist for any other tenant or without one, not
 * even where row-level security would show it: the adapter's statements name the tenant themselves.
 */
@SpringBootTest(classes = PersistenceSlice.class)
class FrameworkPersistenceIT {

    private static final TestDatabase db = TestDatabase.get();
    private static UUID tenantA;
    private static UUID tenantB;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PersistenceSlice.register(registry);
    }

    @Autowired
    Frameworks frameworks;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void twoTenants() throws SQLException {
        try (Connection admin = db.connectAsAdmin()) {
            tenantA = TenantRows.insertTenant(admin, TenantRows.uniqueKey("frameworks-a"));
            tenantB = TenantRows.insertTenant(admin, TenantRows.uniqueKey("frameworks-b"));
        }
    }

    @Test
    void aDerivedVersionRoundTripsExactlyWithTheScaleOfEveryWeight() {
        FrameworkVersion derived = deriveForA();

        FrameworkVersion stored =
                as(tenantA, () -> frameworks.find(derived.number())).orElseThrow();

        assertThat(stored).isEqualTo(derived);
        assertThat(stored.weights()).isEqualTo(derived.weights());
        assertThat(stored.criterion("C1.1").orElseThrow().weight()).isEqualTo(new BigDecimal("0.3"));
        assertThat(stored.criterion("C1.2").orElseThrow().weight())
                .isEqualTo(new BigDecimal("0.3000"))
                .isEqualByComparingTo(stored.criterion("C1.1").orElseThrow().weight());
        // an unchanged weight is the base's, at the base's scale
        assertThat(stored.criterion("C2.1").orElseThrow().weight())
                .isEqualTo(FrameworkV1.VERSION.criterion("C2.1").orElseThrow().weight());
        assertThat(stored.isDerived()).isTrue();
        assertThat(stored.baseVersion()).isEqualTo(FrameworkV1.NUMBER);
        assertThat(stored.derivation().tenant()).isEqualTo(new TenantId(tenantA));
        assertThat(stored.redFlagRuleSet()).isEqualTo(FrameworkV1.VERSION.redFlagRuleSet());
        assertThat(stored.criteria())
                .extracting(c -> c.descriptors())
                .containsExactlyElementsOf(FrameworkV1.VERSION.criteria().stream()
                        .map(c -> c.descriptors())
                        .toList());
        assertThat(stored.criteria())
                .extracting(c -> c.references())
                .containsExactlyElementsOf(FrameworkV1.VERSION.criteria().stream()
                        .map(c -> c.references())
                        .toList());
    }

    @Test
    void addReturnsTheVersionAsStored() {
        FrameworkVersion derived = as(tenantA, () -> {
            FrameworkVersion version = derivation(frameworks.nextDerivedNumber(), tenantA);
            FrameworkVersion stored = frameworks.add(version);
            assertThat(stored).isEqualTo(version);
            return stored;
        });
        assertThat(derived.number()).isGreaterThan(1000);
    }

    @Test
    void derivedNumbersAreUniqueAcrossTenantsAndAbovePlatformNumbers() {
        int ofA = as(tenantA, () -> frameworks.nextDerivedNumber());
        int ofB = as(tenantB, () -> frameworks.nextDerivedNumber());
        int ofAAgain = as(tenantA, () -> frameworks.nextDerivedNumber());

        assertThat(ofA).isGreaterThanOrEqualTo(1001);
        assertThat(ofB).isGreaterThan(ofA);
        assertThat(ofAAgain).isGreaterThan(ofB);
    }

    @Test
    void allListsThePlatformVersionsThenTheTenantsOwn() {
        FrameworkVersion derived = deriveForA();

        assertThat(as(tenantA, () -> frameworks.all()))
                .extracting(FrameworkVersion::number)
                .startsWith(FrameworkV1.NUMBER)
                .contains(derived.number())
                .isSorted();
    }

    @Test
    void anotherTenantsDerivedVersionDoesNotExist() {
        FrameworkVersion derived = deriveForA();

        assertThat(as(tenantB, () -> frameworks.find(derived.number()))).isEmpty();
        assertThat(as(tenantB, () -> frameworks.all()))
                .extracting(FrameworkVersion::number)
                .containsExactly(FrameworkV1.NUMBER);
    }

    @Test
    void theAdapterStatesTheTenantEvenWhereTheDatabaseWouldShowAnotherTenantsVersion() {
        FrameworkVersion derived = deriveForA();

        as(tenantB, () -> {
            // point row-level security at A for the rest of this transaction: only the adapter's SQL still says B
            jdbc.queryForObject("select set_config('app.tenant_id', ?, true)", String.class, tenantA.toString());
            assertThat(jdbc.queryForObject(
                            "/* rls-proof */ select count(*) from framework_version_weights where version = ?",
                            Long.class,
                            derived.number()))
                    .as("the database alone shows A's weights")
                    .isPositive();
            assertThat(frameworks.find(derived.number())).isEmpty();
            assertThat(frameworks.all()).extracting(FrameworkVersion::number).containsExactly(FrameworkV1.NUMBER);
            return null;
        });
    }

    @Test
    void withoutATenantOnlyThePlatformVersionsExist() {
        FrameworkVersion derived = deriveForA();

        assertThat(as(null, () -> frameworks.all()))
                .extracting(FrameworkVersion::number)
                .containsExactly(FrameworkV1.NUMBER);
        assertThat(as(null, () -> frameworks.find(FrameworkV1.NUMBER)))
                .get()
                .extracting(FrameworkVersion::isDerived)
                .isEqualTo(false);
        assertThat(as(null, () -> frameworks.find(derived.number()))).isEmpty();
    }

    @Test
    void aPlatformVersionIsNeverStoredByTheApplication() {
        // Spring's persistence exception translation may wrap the IllegalArgumentException
        assertThatThrownBy(() -> as(tenantA, () -> frameworks.add(FrameworkV1.VERSION)))
                .hasMessageContaining("only a derived version is stored");
    }

    private FrameworkVersion deriveForA() {
        return as(tenantA, () -> frameworks.add(derivation(frameworks.nextDerivedNumber(), tenantA)));
    }

    private static FrameworkVersion derivation(int number, UUID tenant) {
        WeightDerivation derivation =
                FrameworkV1.VERSION.deriveWeights(number, new TenantId(tenant), DerivedWeights.evenDimensions());
        assertThat(derivation).isInstanceOf(WeightDerivation.Derived.class);
        return ((WeightDerivation.Derived) derivation).version();
    }

    private <T> T as(UUID tenant, Supplier<T> work) {
        PersistenceSlice.actAs(tenant);
        try {
            return transactions.execute(status -> work.get());
        } finally {
            PersistenceSlice.actAs(null);
        }
    }
}
