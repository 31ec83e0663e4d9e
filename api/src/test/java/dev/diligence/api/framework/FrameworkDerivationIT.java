package dev.diligence.api.framework;

import static dev.diligence.api.framework.FrameworkFixtures.deriveFromVersionOne;
import static dev.diligence.api.framework.FrameworkFixtures.deriveInput;
import static dev.diligence.api.framework.FrameworkFixtures.evenDimensionWeights;
import static dev.diligence.api.framework.FrameworkFixtures.frameworkAuditEventsOf;
import static dev.diligence.api.framework.FrameworkFixtures.storedVersionsOf;
import static dev.diligence.api.framework.FrameworkFixtures.storedWeightsOf;
import static dev.diligence.api.framework.FrameworkFixtures.versionsSeenBy;
import static dev.diligence.api.framework.FrameworkFixtures.weights;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.limits.CallerBudget;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TenantUsers;
import dev.diligence.domain.framework.Criterion;
import dev.diligence.domain.framework.FrameworkV1;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A tenant admin derives the firm's own framework version from version 1, changing weights only:
 * the new version keeps version 1's criteria, descriptors, references and rules, is listed for the
 * firm alone (another firm gets exactly what a never-used number gets), and is audited. Invalid
 * weights are user errors at the weight's code, and nothing is stored. Every test has a firm of
 * its own.
 */
class FrameworkDerivationIT extends ApiIntegrationTest {

    private static final String PAYLOAD = "deriveFrameworkVersion";

    private String firm;
    private TenantUsers users;
    private GraphQlTester admin;

    @BeforeEach
    void aFreshFirm() {
        firm = newTenant("derive");
        users = usersOf(firm);
        admin = graphQl(users.tenantAdmin());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTenantAdminDerivesAVersionThatChangesWeightsOnly() {
        GraphQlTester.Response response = derive(admin, deriveInput(1, evenDimensionWeights()));

        response.path(PAYLOAD + ".userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path(PAYLOAD + ".framework.baseVersion")
                .entity(Integer.class)
                .isEqualTo(1)
                .path(PAYLOAD + ".framework.derived")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path(PAYLOAD + ".framework.redFlagRuleSet")
                .entity(String.class)
                .isEqualTo(FrameworkV1.VERSION.redFlagRuleSet().value());
        assertThat(response.path(PAYLOAD + ".framework.version")
                        .entity(Integer.class)
                        .get())
                .isGreaterThan(1000);
        Map<String, Object> framework =
                response.path(PAYLOAD + ".framework").entity(Map.class).get();
        Map<String, BigDecimal> served = ServedFramework.weights(framework);
        assertThat(served).containsOnlyKeys(FrameworkV1.VERSION.weights().keySet());
        Map<String, String> expected = Map.of(
                "D1", "0.25", "D2", "0.25", "D3", "0.25", "D4", "0.25", "C1.1", "0.3", "C1.2", "0.3", "C1.3", "0.4");
        FrameworkV1.VERSION
                .weights()
                .forEach((code, v1Weight) -> assertThat(served.get(code))
                        .as(code)
                        .isEqualByComparingTo(
                                expected.containsKey(code) ? new BigDecimal(expected.get(code)) : v1Weight));
        for (Criterion criterion : FrameworkV1.VERSION.criteria()) {
            assertThat(ServedFramework.descriptors(framework, criterion.code()))
                    .as(criterion.code() + " descriptors")
                    .containsExactlyElementsOf(criterion.descriptors().byLevel());
            assertThat(ServedFramework.citations(framework, criterion.code()))
                    .as(criterion.code() + " references")
                    .containsExactlyElementsOf(criterion.references().stream()
                            .map(reference -> reference.citation())
                            .toList());
            assertThat(ServedFramework.name(framework, criterion.code())).isEqualTo(criterion.name());
        }
        assertThat(storedWeightsOf(firm))
                .as("one stored weight per dimension and criterion")
                .isEqualTo(18);
    }

    @Test
    void theDerivedVersionReadsBackAsDerived() {
        int version = deriveFromVersionOne(admin);

        graphQl(users.assessor())
                .documentName("frameworkVersion")
                .variable("version", version)
                .execute()
                .path("framework.version")
                .entity(Integer.class)
                .isEqualTo(version)
                .path("framework.derived")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("framework.baseVersion")
                .entity(Integer.class)
                .isEqualTo(1)
                .path("framework.dimensions[0].weight")
                .entity(BigDecimal.class)
                .satisfies(weight -> assertThat(weight).isEqualByComparingTo("0.25"));
    }

    @Test
    void frameworksListsTheDerivedVersionForItsFirmOnly() {
        int version = deriveFromVersionOne(admin);
        String otherFirm = newTenant("derive-other");

        assertThat(versionsSeenBy(admin)).containsExactly(1, version);
        assertThat(versionsSeenBy(graphQl(users.fundManager()))).containsExactly(1, version);
        assertThat(versionsSeenBy(graphQl(usersOf(otherFirm).tenantAdmin()))).containsExactly(1);
        assertThat(versionsSeenBy(graphQl(usersOf(otherFirm).assessor()))).containsExactly(1);
    }

    @Test
    void anotherFirmGetsExactlyWhatANeverUsedNumberGets() {
        int version = deriveFromVersionOne(admin);
        GraphQlTester otherAdmin = graphQl(usersOf(newTenant("derive-other")).tenantAdmin());

        for (int neverUsed : new int[] {999, 2_000_000_000}) {
            assertThat(wholeResponse(otherAdmin
                            .documentName("frameworkVersion")
                            .variable("version", version)
                            .execute()))
                    .isEqualTo(wholeResponse(otherAdmin
                            .documentName("frameworkVersion")
                            .variable("version", neverUsed)
                            .execute()));
            assertThat(wholeResponse(derive(otherAdmin, deriveInput(version, evenDimensionWeights()))))
                    .isEqualTo(wholeResponse(derive(otherAdmin, deriveInput(neverUsed, evenDimensionWeights()))));
        }
        otherAdmin
                .documentName("frameworkVersion")
                .variable("version", version)
                .execute()
                .errors()
                .verify()
                .path("framework")
                .valueIsNull();
        assertThat(userErrorsOf(derive(otherAdmin, deriveInput(version, evenDimensionWeights()))))
                .containsExactly(Map.of(
                        "field",
                        List.of("baseVersion"),
                        "code",
                        "NOT_FOUND",
                        "message",
                        "there is no framework version with this number"));
    }

    @Test
    void aDerivationIsAudited() {
        int version = deriveFromVersionOne(admin);
        String entityId = GlobalId.encode(
                "FrameworkVersion",
                UUID.nameUUIDFromBytes(("FrameworkVersion:" + version).getBytes(StandardCharsets.UTF_8)));
        String event = "auditEvents.edges[0].node";

        GraphQlTester.Response events = admin.documentName("auditEvents")
                .variable("first", 100)
                .variable("filter", Map.of("entityType", "FrameworkVersion"))
                .execute();

        events.path("auditEvents.totalCount")
                .entity(Integer.class)
                .isEqualTo(1)
                .path(event + ".action")
                .entity(String.class)
                .isEqualTo("deriveFrameworkVersion")
                .path(event + ".actor.subject")
                .entity(String.class)
                .isEqualTo("tenant-admin@" + firm)
                .path(event + ".entityType")
                .entity(String.class)
                .isEqualTo("FrameworkVersion")
                .path(event + ".entityId")
                .entity(String.class)
                .isEqualTo(entityId)
                .path(event + ".before")
                .valueIsNull()
                .path(event + ".after.version")
                .entity(Integer.class)
                .isEqualTo(version)
                .path(event + ".after.baseVersion")
                .entity(Integer.class)
                .isEqualTo(1)
                .path(event + ".after.weights")
                .entity(Map.class)
                .satisfies(weights -> {
                    assertThat(weights).hasSize(18);
                    assertThat(new BigDecimal(weights.get("C1.2").toString())).isEqualByComparingTo("0.3");
                    assertThat(new BigDecimal(weights.get("D4").toString())).isEqualByComparingTo("0.25");
                    assertThat(new BigDecimal(weights.get("C2.1").toString())).isEqualByComparingTo("0.30");
                });
        admin.documentName("auditEvents")
                .variable("first", 100)
                .variable("filter", Map.of("entityId", entityId))
                .execute()
                .path("auditEvents.totalCount")
                .entity(Integer.class)
                .isEqualTo(1);
    }

    static Stream<Arguments> invalidDerivations() {
        return Stream.of(
                Arguments.of(
                        "dimension weights summing to 1.10",
                        1,
                        weights("D1", "0.30"),
                        List.of(error(List.of("weights"), "INVALID"))),
                Arguments.of(
                        "criterion weights of D1 summing to 0.95",
                        1,
                        weights("C1.1", "0.30"),
                        List.of(error(List.of("weights", "D1", "criteria"), "INVALID"))),
                Arguments.of(
                        "five decimal places",
                        1,
                        weights("C1.1", "0.35001", "C1.2", "0.29999"),
                        List.of(
                                error(List.of("weights", "C1.1"), "INVALID"),
                                error(List.of("weights", "C1.2"), "INVALID"))),
                Arguments.of(
                        "an unknown code",
                        1,
                        weights("C9.9", "0.5"),
                        List.of(error(List.of("weights", "C9.9"), "NOT_FOUND"))),
                Arguments.of(
                        "a zero weight",
                        1,
                        weights("C1.1", "0", "C1.3", "0.70"),
                        List.of(error(List.of("weights", "C1.1"), "OUT_OF_RANGE"))),
                Arguments.of(
                        "a negative weight",
                        1,
                        weights("C1.1", "-0.1", "C1.3", "0.80"),
                        List.of(error(List.of("weights", "C1.1"), "OUT_OF_RANGE"))),
                Arguments.of(
                        "a code given twice",
                        1,
                        weights("C1.1", "0.35", "C1.1", "0.35"),
                        List.of(error(List.of("weights", "C1.1"), "INVALID"))),
                Arguments.of(
                        "an unknown base version",
                        999,
                        evenDimensionWeights(),
                        List.of(error(List.of("baseVersion"), "NOT_FOUND"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDerivations")
    void invalidDerivationsAreUserErrorsAndStoreNothing(
            String label,
            int baseVersion,
            List<Map<String, Object>> weights,
            List<Map<String, Object>> expectedErrors) {
        GraphQlTester.Response response = derive(admin, deriveInput(baseVersion, weights));

        response.errors().verify().path(PAYLOAD + ".framework").valueIsNull();
        assertThat(userErrorsOf(response))
                .extracting(e -> Map.of("field", e.get("field"), "code", e.get("code")))
                .containsExactlyInAnyOrderElementsOf(expectedErrors);
        assertNothingStored();
    }

    @Test
    void aDerivedVersionCannotBeDerivedAgain() {
        int version = deriveFromVersionOne(admin);

        GraphQlTester.Response response = derive(admin, deriveInput(version, evenDimensionWeights()));

        response.path(PAYLOAD + ".framework").valueIsNull();
        assertThat(userErrorsOf(response)).singleElement().satisfies(error -> {
            assertThat(error.get("field")).isNull();
            assertThat(error.get("code")).isEqualTo("INVALID_STATE");
        });
        assertThat(versionsSeenBy(admin)).containsExactly(1, version);
        assertThat(storedVersionsOf(firm)).isOne();
        assertThat(frameworkAuditEventsOf(firm)).isOne();
    }

    private void assertNothingStored() {
        assertThat(versionsSeenBy(admin)).containsExactly(1);
        assertThat(storedVersionsOf(firm)).isZero();
        assertThat(storedWeightsOf(firm)).isZero();
        assertThat(frameworkAuditEventsOf(firm)).isZero();
    }

    private static Map<String, Object> error(List<String> field, String code) {
        return Map.of("field", field, "code", code);
    }

    private static GraphQlTester.Response derive(GraphQlTester tester, Map<String, Object> input) {
        return tester.documentName("deriveFrameworkVersion")
                .variable("input", input)
                .execute();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> userErrorsOf(GraphQlTester.Response response) {
        return (List<Map<String, Object>>) (List<?>)
                response.path(PAYLOAD + ".userErrors").entityList(Map.class).get();
    }

    /** The response as the client gets it (data, errors, extensions), without the caller's rate-limit budget. */
    private static Map<String, Object> wholeResponse(GraphQlTester.Response response) {
        return CallerBudget.withoutCurrentBudget(response.returnResponse().toMap());
    }
}
