package dev.diligence.domain.framework;

import static dev.diligence.domain.shared.ViolationAssertions.assertThatRuleViolation;
import static dev.diligence.domain.shared.ViolationAssertions.assertThatViolations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.tenant.TenantId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FrameworkVersionTest {

    private static final FrameworkVersion V1 = FrameworkV1.VERSION;
    private static final TenantId TENANT = new TenantId(UUID.fromString("5b2a4c57-3f8e-4c1e-9d0a-6f1b2c3d4e5f"));

    private static FrameworkVersion derived(WeightDerivation derivation) {
        assertThat(derivation).isInstanceOf(WeightDerivation.Derived.class);
        return ((WeightDerivation.Derived) derivation).version();
    }

    private static WeightDerivation.Rejected rejected(WeightDerivation derivation) {
        assertThat(derivation).isInstanceOf(WeightDerivation.Rejected.class);
        return (WeightDerivation.Rejected) derivation;
    }

    @Test
    void aTenantDerivesAVersionThatChangesWeightsOnly() {
        FrameworkVersion tenants = derived(V1.deriveWeights(
                7,
                TENANT,
                Map.of(
                        "D1",
                        new BigDecimal("0.10"),
                        "D4",
                        new BigDecimal("0.40"),
                        "C4.2",
                        new BigDecimal("0.40"),
                        "C4.3",
                        new BigDecimal("0.10"))));

        assertThat(tenants.number()).isEqualTo(7);
        assertThat(tenants.derivation()).isEqualTo(new TenantDerivation(TENANT, 1));
        assertThat(tenants.isDerived()).isTrue();
        assertThat(tenants.baseVersion()).isEqualTo(1);
        assertThat(tenants.redFlagRuleSet()).isEqualTo(V1.redFlagRuleSet());
        assertThat(tenants.weights())
                .containsEntry("D1", new BigDecimal("0.10"))
                .containsEntry("D2", new BigDecimal("0.25"))
                .containsEntry("C4.2", new BigDecimal("0.40"))
                .containsEntry("C4.3", new BigDecimal("0.10"));
        assertThat(tenants.criteria())
                .extracting(Criterion::code, Criterion::name, Criterion::descriptors, Criterion::references)
                .containsExactlyElementsOf(V1.criteria().stream()
                        .map(c -> tuple(c.code(), c.name(), c.descriptors(), c.references()))
                        .toList());
    }

    @Test
    void derivingLeavesTheBaseVersionAlone() {
        derived(V1.deriveWeights(7, TENANT, Map.of("D1", new BigDecimal("0.15"), "D2", new BigDecimal("0.30"))));

        assertThat(V1.weights())
                .containsEntry("D1", new BigDecimal("0.20"))
                .containsEntry("D2", new BigDecimal("0.25"));
    }

    @Test
    void rejectsDerivedWeightsThatBreakTheRules() {
        WeightDerivation derivation = V1.deriveWeights(
                7,
                TENANT,
                Map.of("D2", new BigDecimal("0.24999"), "C3.1", BigDecimal.ZERO, "C3.2", new BigDecimal("0.75")));

        assertThatViolations(rejected(derivation).violations())
                .containsExactly(
                        tuple(List.of("weights", "D2"), ViolationCode.INVALID),
                        tuple(List.of("weights", "C3.1"), ViolationCode.OUT_OF_RANGE),
                        tuple(List.of("weights"), ViolationCode.INVALID));
    }

    @Test
    void rejectsAWeightForACodeTheVersionDoesNotHave() {
        WeightDerivation derivation = V1.deriveWeights(7, TENANT, Map.of("D5", new BigDecimal("0.1")));

        assertThatViolations(rejected(derivation).violations())
                .containsExactly(tuple(List.of("weights", "D5"), ViolationCode.NOT_FOUND));
    }

    @Test
    void onlyAPlatformVersionCanBeDerived() {
        FrameworkVersion tenants = derived(V1.deriveWeights(7, TENANT, Map.of()));

        assertThatViolations(
                        rejected(tenants.deriveWeights(8, TENANT, Map.of())).violations())
                .containsExactly(tuple(List.of(), ViolationCode.INVALID_STATE));
    }

    @Test
    void refusesToExistWithInvalidWeights() {
        List<Dimension> dimensions = V1.dimensions().stream()
                .map(d -> d.withWeights(Map.of("D1", new BigDecimal("0.21"))))
                .toList();

        assertThatRuleViolation(() -> FrameworkVersion.platform(2, RedFlagRuleSetId.V1, dimensions))
                .containsExactly(tuple(List.of("weights"), ViolationCode.INVALID));
    }

    @Test
    void refusesDuplicateCodesAndCriteriaOfAnotherDimension() {
        Dimension d1 = V1.dimension("D1").orElseThrow();
        Criterion c21 = V1.criterion("C2.1").orElseThrow();

        assertThatThrownBy(() -> FrameworkVersion.platform(2, RedFlagRuleSetId.V1, List.of(d1, d1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("D1");
        assertThatThrownBy(() -> new Dimension("D1", "Development", BigDecimal.ONE, List.of(c21)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("C2.1");
    }

    @Test
    void findsCriteriaAndTheirDimensions() {
        assertThat(V1.criterion("C3.2"))
                .map(Criterion::name)
                .contains("Alerting, incident response & time-to-remediate");
        assertThat(V1.dimensionOf("C3.2")).map(Dimension::code).contains("D3");
        assertThat(V1.criterion("C9.9")).isEmpty();
        assertThat(V1.weights()).hasSize(18);
    }
}
