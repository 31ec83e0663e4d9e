package dev.diligence.api.security;

import static dev.diligence.api.security.MatrixAssertions.assertForbidden;
import static dev.diligence.api.security.MatrixAssertions.assertNoData;
import static dev.diligence.api.security.MatrixAssertions.naming;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.framework.FrameworkFixtures;
import dev.diligence.api.operation.ApiOperation;
import dev.diligence.api.support.ApiIntegrationTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The role matrix of derived framework versions, proven both ways: only tenant admins derive a
 * version (every other caller gets FORBIDDEN and nothing is stored or audited), and every business
 * role of the firm reads the firm's derived version; platform administrators, with or without a
 * tenant claim, do neither. Every case runs in a firm of its own that already derived one version.
 */
class FrameworkRoleMatrixIT extends ApiIntegrationTest {

    /** The cases, each calling an operation of the registry, which says who may call it. */
    enum Operation implements MatrixOperation {
        DERIVED_FRAMEWORK("framework(version) of a derived version", ApiOperation.FRAMEWORK),
        DERIVE_FRAMEWORK_VERSION("deriveFrameworkVersion", ApiOperation.DERIVE_FRAMEWORK_VERSION);

        private final String label;
        private final ApiOperation operation;

        Operation(String label, ApiOperation operation) {
            this.label = label;
            this.operation = operation;
        }

        /** Whether the top-level field is nullable, so that a refusal leaves {@code data.<field>: null}. */
        boolean nullableField() {
            return this == DERIVED_FRAMEWORK;
        }

        @Override
        public String toString() {
            return label;
        }

        @Override
        public ApiOperation operation() {
            return operation;
        }
    }

    /** A fresh firm that derived one version. */
    private record Fixture(String tenantKey, int derivedVersion) {}

    static Stream<Arguments> forbiddenCalls() {
        return MatrixOperation.forbiddenCalls(Operation.values());
    }

    static Stream<Arguments> allowedCalls() {
        return MatrixOperation.allowedCalls(Operation.values());
    }

    @ParameterizedTest(name = "{1} may not call {0}")
    @MethodSource("forbiddenCalls")
    void callerWithoutTheRoleIsForbiddenAndChangesNothing(Operation operation, MatrixCaller caller) {
        Fixture fixture = newFixture();

        GraphQlTester.Response response = call(operation, caller.token(fixture.tenantKey()), fixture);

        naming(caller + " calling " + operation, () -> {
            assertForbidden(response, operation.field());
            assertNoData(response, operation.field(), operation.nullableField());
            assertThat(FrameworkFixtures.storedVersionsOf(fixture.tenantKey()))
                    .as("stored versions")
                    .isOne();
            assertThat(FrameworkFixtures.frameworkAuditEventsOf(fixture.tenantKey()))
                    .as("audit events")
                    .isOne();
            assertThat(FrameworkFixtures.versionsSeenBy(
                            graphQl(usersOf(fixture.tenantKey()).tenantAdmin())))
                    .containsExactly(1, fixture.derivedVersion());
        });
    }

    @ParameterizedTest(name = "{1} may call {0}")
    @MethodSource("allowedCalls")
    void callerWithTheRoleGetsData(Operation operation, MatrixCaller caller) {
        Fixture fixture = newFixture();

        GraphQlTester.Response response = call(operation, caller.token(fixture.tenantKey()), fixture);

        naming(caller + " calling " + operation, () -> {
            response.errors().verify();
            switch (operation) {
                case DERIVED_FRAMEWORK ->
                    response.path("framework.version")
                            .entity(Integer.class)
                            .isEqualTo(fixture.derivedVersion())
                            .path("framework.derived")
                            .entity(Boolean.class)
                            .isEqualTo(true);
                case DERIVE_FRAMEWORK_VERSION -> {
                    response.path("deriveFrameworkVersion.userErrors")
                            .entityList(Object.class)
                            .hasSize(0)
                            .path("deriveFrameworkVersion.framework.derived")
                            .entity(Boolean.class)
                            .isEqualTo(true);
                    assertThat(FrameworkFixtures.storedVersionsOf(fixture.tenantKey()))
                            .isEqualTo(2);
                }
            }
        });
    }

    private GraphQlTester.Response call(Operation operation, String token, Fixture fixture) {
        GraphQlTester tester = graphQl(token);
        return switch (operation) {
            case DERIVED_FRAMEWORK ->
                tester.documentName("frameworkVersion")
                        .variable("version", fixture.derivedVersion())
                        .execute();
            case DERIVE_FRAMEWORK_VERSION ->
                tester.documentName("deriveFrameworkVersion")
                        .variable("input", FrameworkFixtures.deriveInput(1, FrameworkFixtures.evenDimensionWeights()))
                        .execute();
        };
    }

    private Fixture newFixture() {
        String tenantKey = newTenant("fw-matrix");
        return new Fixture(
                tenantKey,
                FrameworkFixtures.deriveFromVersionOne(
                        graphQl(usersOf(tenantKey).tenantAdmin())));
    }
}
