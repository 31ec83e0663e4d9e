package dev.diligence.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

class LimitsPropertiesTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        LimitsProperties limits = bind(Map.of());
        assertThat(limits.maxDepth()).isEqualTo(10);
        assertThat(limits.maxCost()).isEqualTo(5000);
        assertThat(limits.maxAliases()).isEqualTo(15);
        assertThat(limits.maxDirectivesPerField()).isEqualTo(4);
        assertThat(limits.maxTokens()).isEqualTo(1000);
        assertThat(limits.maxRootFields()).isEqualTo(10);
        assertThat(limits.maxFieldRepeats()).isEqualTo(10);
        assertThat(limits.maxBodySize()).isEqualTo(DataSize.ofMegabytes(2));
        assertThat(limits.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(limits.statementTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(limits.listSizes()).isEmpty();
        assertThat(limits.rate()).isEqualTo(LimitsProperties.Rate.uniform(true, 10_000, 500, Duration.ofSeconds(1)));
        assertThat(limits.rate().restoredPerSecond()).isEqualTo(500.0);
        assertThat(limits.heavy()).isEqualTo(new LimitsProperties.Heavy(1, Duration.ofSeconds(2), Set.of(), 2000));
    }

    @Test
    void heavyRootFieldsAreAListAndTheWaitIsShorterThanTheTimeout() {
        assertThat(bind(Map.of("diligence.limits.heavy.root-fields", "portfolio,exportPortfolio"))
                        .heavy()
                        .rootFields())
                .containsExactlyInAnyOrder("portfolio", "exportPortfolio");
        assertThat(bind(Map.of("diligence.limits.heavy.max-wait", "0s")).heavy().maxWait())
                .isZero();
        assertThatThrownBy(() -> bind(Map.of("diligence.limits.heavy.max-wait", "10s")))
                .rootCause()
                .hasMessageContaining("heavy.max-wait (PT10S) must be shorter than diligence.limits.timeout (PT10S)");
        assertThatThrownBy(() -> bind(Map.of("diligence.limits.heavy.max-concurrent", "0")))
                .rootCause()
                .hasMessageContaining("diligence.limits.heavy.max-concurrent must be positive");
    }

    @Test
    void listSizesAreKeyedByTypeAndField() {
        assertThat(bind(Map.of("diligence.limits.list-sizes[Company.externalReferences]", "3"))
                        .listSizes())
                .containsExactly(Map.entry("Company.externalReferences", 3));
    }

    @Test
    void aBucketSmallerThanTheCostliestAdmittedQueryIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("diligence.limits.rate.capacity", "4999")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining(
                        "rate.capacity (4999, of the smallest budget) must be at least diligence.limits.max-cost (5000)");
        assertThatThrownBy(() -> bind(Map.of("diligence.limits.rate.tenants.[acme].integration.capacity", "4999")))
                .rootCause()
                .hasMessageContaining("(4999, of the smallest budget)");
        assertThat(bind(Map.of("diligence.limits.rate.capacity", "10", "diligence.limits.rate.enabled", "false"))
                        .rate()
                        .enabled())
                .isFalse();
    }

    @Test
    void budgetsNameRolesOfThisApi() {
        assertThatThrownBy(() -> bind(Map.of("diligence.limits.rate.roles.integrator.capacity", "20000")))
                .rootCause()
                .hasMessageContaining("diligence.limits.rate.roles.integrator names no role of this API");
        assertThatThrownBy(() -> bind(Map.of("diligence.limits.rate.tenants.[acme].admin.capacity", "20000")))
                .rootCause()
                .hasMessageContaining("diligence.limits.rate.tenants.acme.admin names no role of this API");
        assertThat(bind(Map.of("diligence.limits.rate.roles.integration.restore-rate", "9000"))
                        .rate()
                        .roles())
                .containsEntry("integration", new LimitsProperties.Budget(null, 9000L, null));
    }

    /** As README shows them: budgets are set from the environment too, the firm key in lower case. */
    @Test
    void budgetsBindFromEnvironmentVariables() {
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of(
                        "DILIGENCE_LIMITS_RATE_ROLES_INTEGRATION_RESTORE_RATE", "12000",
                        "DILIGENCE_LIMITS_RATE_TENANTS_ACME_INTEGRATION_CAPACITY", "30000"));
        LimitsProperties limits = new Binder(ConfigurationPropertySources.from(environment))
                .bindOrCreate("diligence.limits", LimitsProperties.class);
        assertThat(limits.rate().roles())
                .containsEntry("integration", new LimitsProperties.Budget(null, 12_000L, null));
        assertThat(limits.rate().tenants())
                .containsEntry("acme", Map.of("integration", new LimitsProperties.Budget(30_000L, null, null)));
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> bind(Map.of("diligence.limits.max-depth", "0")))
                .rootCause()
                .hasMessageContaining("diligence.limits.max-depth must be positive");
        assertThatThrownBy(() -> bind(Map.of("diligence.limits.max-field-repeats", "0")))
                .rootCause()
                .hasMessageContaining("diligence.limits.max-field-repeats must be positive");
    }

    private static LimitsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("diligence.limits", LimitsProperties.class);
    }
}
