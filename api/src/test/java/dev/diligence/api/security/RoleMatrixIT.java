package dev.diligence.api.security;

import static dev.diligence.api.security.MatrixAssertions.assertForbidden;
import static dev.diligence.api.security.MatrixAssertions.assertNoData;
import static dev.diligence.api.security.MatrixAssertions.assertRefusedForWantOfARole;
import static dev.diligence.api.security.MatrixAssertions.naming;
import static dev.diligence.api.security.MatrixCaller.TENANT_ROLES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.graphql.CursorCodec;
import dev.diligence.api.operation.ApiOperation;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TestDocuments;
import dev.diligence.domain.shared.paging.Cursor;
import dev.diligence.domain.tenant.TenantCursors;
import dev.diligence.persistence.testing.TenantRows;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The role matrix of architecture.md, proven both ways: every secured operation answers FORBIDDEN
 * (and writes nothing) to each role that must not call it, and returns data to each role that may;
 * a caller with no role of this API is refused every operation outright (HTTP 403).
 * Every case runs in a firm of its own that holds exactly one fund.
 */
class RoleMatrixIT extends ApiIntegrationTest {

    /** The operations of the registry this test tries, and whom to try them with; who may call them is the registry's. */
    enum Operation implements MatrixOperation {
        CREATE_TENANT(ApiOperation.CREATE_TENANT, platformOperationCallers()),
        ARCHIVE_TENANT(ApiOperation.ARCHIVE_TENANT, platformOperationCallers()),
        TENANTS(ApiOperation.TENANTS, platformOperationCallers()),
        FIRMS(ApiOperation.FIRMS, platformOperationCallers()),
        CREATE_FUND(ApiOperation.CREATE_FUND, EnumSet.allOf(MatrixCaller.class)),
        UPDATE_FUND(ApiOperation.UPDATE_FUND, EnumSet.allOf(MatrixCaller.class)),
        ARCHIVE_FUND(ApiOperation.ARCHIVE_FUND, EnumSet.allOf(MatrixCaller.class)),
        FUNDS(ApiOperation.FUNDS, EnumSet.allOf(MatrixCaller.class)),
        FUND(ApiOperation.FUND, EnumSet.allOf(MatrixCaller.class)),
        NODE(ApiOperation.NODE, EnumSet.allOf(MatrixCaller.class)),
        AUDIT_EVENTS(ApiOperation.AUDIT_EVENTS, EnumSet.allOf(MatrixCaller.class)),
        GRANT_FUND_ACCESS(ApiOperation.GRANT_FUND_ACCESS, EnumSet.allOf(MatrixCaller.class)),
        REVOKE_FUND_ACCESS(ApiOperation.REVOKE_FUND_ACCESS, EnumSet.allOf(MatrixCaller.class)),
        FUND_ACCESS_GRANTS(ApiOperation.FUND_ACCESS_GRANTS, EnumSet.allOf(MatrixCaller.class)),
        FRAMEWORKS(ApiOperation.FRAMEWORKS, EnumSet.allOf(MatrixCaller.class)),
        VIEWER(ApiOperation.VIEWER, EnumSet.allOf(MatrixCaller.class));

        private final ApiOperation operation;
        private final Set<MatrixCaller> tried;

        Operation(ApiOperation operation, Set<MatrixCaller> tried) {
            this.operation = operation;
            this.tried = tried;
        }

        @Override
        public ApiOperation operation() {
            return operation;
        }

        @Override
        public Set<MatrixCaller> tried() {
            return tried;
        }

        /** The callers tried that the registry admits. */
        @Override
        public Set<MatrixCaller> allowed() {
            Set<MatrixCaller> allowed = EnumSet.copyOf(tried);
            allowed.retainAll(MatrixOperation.super.allowed());
            return allowed;
        }

        /** Whether the top-level field is nullable, so that a refusal leaves {@code data.<field>: null}. */
        boolean nullableField() {
            return this == FUND || this == NODE;
        }

        private static Set<MatrixCaller> platformOperationCallers() {
            Set<MatrixCaller> callers = EnumSet.of(MatrixCaller.PLATFORM_ADMIN);
            callers.addAll(TENANT_ROLES);
            return callers;
        }

        @Override
        public String toString() {
            return operation.field();
        }
    }

    /** A fresh firm with one fund, plus names that no firm or fund has yet. */
    private record Fixture(
            String tenantKey,
            String fundId,
            String fundName,
            int fundVersion,
            String unusedTenantKey,
            String unusedFundName) {}

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
            assertNothingChanged(operation, fixture);
        });
    }

    @ParameterizedTest(name = "{1} may call {0}")
    @MethodSource("allowedCalls")
    void callerWithTheRoleGetsData(Operation operation, MatrixCaller caller) {
        Fixture fixture = newFixture();

        GraphQlTester.Response response = call(operation, caller.token(fixture.tenantKey()), fixture);

        naming(caller + " calling " + operation, () -> {
            response.errors().verify();
            assertSucceeded(operation, response, fixture);
        });
    }

    /**
     * A caller whose token names only roles this API does not know is refused every operation as a
     * whole (403), before any resolver runs, so nothing is returned and nothing changes.
     */
    @ParameterizedTest(name = "a caller without a known role may not call {0}")
    @EnumSource(Operation.class)
    void callerWithoutAKnownRoleIsRefusedBeforeAnyResolverRuns(Operation operation) {
        Fixture fixture = newFixture();
        OperationRequest request = request(operation, fixture);

        WebTestClient.ResponseSpec response = http().post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + MatrixCaller.withoutKnownRole(fixture.tenantKey()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", request.document(), "variables", request.variables()))
                .exchange();

        naming("a caller without a known role calling " + operation, () -> {
            assertRefusedForWantOfARole(response);
            assertNothingChanged(operation, fixture);
        });
    }

    private GraphQlTester.Response call(Operation operation, String token, Fixture fixture) {
        OperationRequest request = request(operation, fixture);
        return graphQl(token)
                .document(request.document())
                .variables(request.variables())
                .execute();
    }

    /** A GraphQL document and its variables. */
    private record OperationRequest(String document, Map<String, Object> variables) {

        /** The document of {@code src/test/resources/graphql-test/<name>.graphql}, as {@code documentName} would load it. */
        static OperationRequest named(String name, Map<String, Object> variables) {
            return new OperationRequest(TestDocuments.load(name), variables);
        }
    }

    private static OperationRequest request(Operation operation, Fixture fixture) {
        return switch (operation) {
            case CREATE_TENANT ->
                OperationRequest.named(
                        "createTenant",
                        Map.of("input", Map.of("key", fixture.unusedTenantKey(), "name", "Matrix Capital")));
            case ARCHIVE_TENANT ->
                OperationRequest.named("archiveTenant", Map.of("input", Map.of("key", fixture.tenantKey())));
            case TENANTS -> OperationRequest.named("tenants", Map.of());
            // the page starting just before the fixture's firm: keys are unique and compared byte by byte
            case FIRMS ->
                OperationRequest.named(
                        "firms",
                        Map.of(
                                "first",
                                1,
                                "after",
                                CursorCodec.encode(new Cursor(
                                        TenantCursors.ORDERING,
                                        fixture.tenantKey()
                                                .substring(
                                                        0, fixture.tenantKey().length() - 1),
                                        UUID.randomUUID()))));
            case CREATE_FUND ->
                OperationRequest.named("createFund", Map.of("input", fundInput(fixture.unusedFundName())));
            case UPDATE_FUND ->
                OperationRequest.named(
                        "updateFund",
                        Map.of(
                                "input",
                                Map.of(
                                        "id",
                                        fixture.fundId(),
                                        "expectedVersion",
                                        fixture.fundVersion(),
                                        "name",
                                        fixture.unusedFundName())));
            case ARCHIVE_FUND -> OperationRequest.named("archiveFund", Map.of("input", Map.of("id", fixture.fundId())));
            case FUNDS -> OperationRequest.named("funds", Map.of());
            case FUND -> OperationRequest.named("fund", Map.of("id", fixture.fundId()));
            case NODE -> OperationRequest.named("node", Map.of("id", fixture.fundId()));
            case AUDIT_EVENTS -> OperationRequest.named("auditEvents", Map.of());
            case GRANT_FUND_ACCESS -> new OperationRequest(GRANT, Map.of("f", fixture.fundId(), "s", NEWCOMER));
            case REVOKE_FUND_ACCESS ->
                new OperationRequest(REVOKE, Map.of("f", fixture.fundId(), "s", fundManagerOf(fixture)));
            case FUND_ACCESS_GRANTS -> new OperationRequest(GRANTS, Map.of("f", fixture.fundId()));
            case FRAMEWORKS -> new OperationRequest("{ frameworks { version } }", Map.of());
            case VIEWER -> new OperationRequest("{ viewer { subject tenant { key } roles } }", Map.of());
        };
    }

    private void assertNothingChanged(Operation operation, Fixture fixture) {
        switch (operation) {
            case CREATE_TENANT -> assertThat(tenantKeys()).doesNotContain(fixture.unusedTenantKey());
            case ARCHIVE_TENANT -> assertThat(tenantStatus(fixture.tenantKey())).isEqualTo("ACTIVE");
            case CREATE_FUND -> assertThat(fundNamesSeenByAdmin(fixture)).containsExactly(fixture.fundName());
            case UPDATE_FUND, ARCHIVE_FUND ->
                graphQl(usersOf(fixture.tenantKey()).tenantAdmin())
                        .documentName("fund")
                        .variable("id", fixture.fundId())
                        .execute()
                        .path("fund.name")
                        .entity(String.class)
                        .isEqualTo(fixture.fundName())
                        .path("fund.status")
                        .entity(String.class)
                        .isEqualTo("ACTIVE")
                        .path("fund.version")
                        .entity(Integer.class)
                        .isEqualTo(fixture.fundVersion());
            case GRANT_FUND_ACCESS, REVOKE_FUND_ACCESS ->
                assertThat(granteesOf(fixture)).containsExactly(fundManagerOf(fixture));
            case TENANTS, FIRMS, FUNDS, FUND, NODE, AUDIT_EVENTS, FUND_ACCESS_GRANTS, FRAMEWORKS, VIEWER -> {
                // reads change nothing; assertNoData proved that nothing was returned
            }
        }
    }

    private void assertSucceeded(Operation operation, GraphQlTester.Response response, Fixture fixture) {
        switch (operation) {
            case CREATE_TENANT -> {
                response.path("createTenant.userErrors")
                        .entityList(Object.class)
                        .hasSize(0)
                        .path("createTenant.tenant.key")
                        .entity(String.class)
                        .isEqualTo(fixture.unusedTenantKey());
                assertThat(tenantKeys()).contains(fixture.unusedTenantKey());
            }
            case ARCHIVE_TENANT -> {
                response.path("archiveTenant.userErrors")
                        .entityList(Object.class)
                        .hasSize(0)
                        .path("archiveTenant.tenant.status")
                        .entity(String.class)
                        .isEqualTo("ARCHIVED");
                assertThat(tenantStatus(fixture.tenantKey())).isEqualTo("ARCHIVED");
            }
            case TENANTS ->
                assertThat(response.path("tenants[*].key")
                                .entityList(String.class)
                                .get())
                        .contains(fixture.tenantKey());
            case FIRMS -> {
                response.path("firms.nodes[*].key")
                        .entityList(String.class)
                        .containsExactly(fixture.tenantKey())
                        .path("firms.edges[*].node.key")
                        .entityList(String.class)
                        .containsExactly(fixture.tenantKey())
                        .path("firms.nodes[0].status")
                        .entity(String.class)
                        .isEqualTo("ACTIVE");
                assertThat(response.path("firms.totalCount")
                                .entity(Integer.class)
                                .get())
                        .isEqualTo(tenantKeys().size());
            }
            case CREATE_FUND -> {
                response.path("createFund.userErrors")
                        .entityList(Object.class)
                        .hasSize(0)
                        .path("createFund.fund.name")
                        .entity(String.class)
                        .isEqualTo(fixture.unusedFundName());
                assertThat(fundNamesSeenByAdmin(fixture))
                        .containsExactlyInAnyOrder(fixture.fundName(), fixture.unusedFundName());
            }
            case UPDATE_FUND -> {
                response.path("updateFund.userErrors")
                        .entityList(Object.class)
                        .hasSize(0)
                        .path("updateFund.fund.name")
                        .entity(String.class)
                        .isEqualTo(fixture.unusedFundName());
                assertThat(response.path("updateFund.fund.version")
                                .entity(Integer.class)
                                .get())
                        .isGreaterThan(fixture.fundVersion());
            }
            case ARCHIVE_FUND ->
                response.path("archiveFund.userErrors")
                        .entityList(Object.class)
                        .hasSize(0)
                        .path("archiveFund.fund.id")
                        .entity(String.class)
                        .isEqualTo(fixture.fundId())
                        .path("archiveFund.fund.status")
                        .entity(String.class)
                        .isEqualTo("ARCHIVED");
            case FUNDS ->
                response.path("funds.totalCount")
                        .entity(Integer.class)
                        .isEqualTo(1)
                        .path("funds.edges[0].node.id")
                        .entity(String.class)
                        .isEqualTo(fixture.fundId())
                        .path("funds.edges[0].node.name")
                        .entity(String.class)
                        .isEqualTo(fixture.fundName());
            case FUND ->
                response.path("fund.id")
                        .entity(String.class)
                        .isEqualTo(fixture.fundId())
                        .path("fund.name")
                        .entity(String.class)
                        .isEqualTo(fixture.fundName());
            case NODE ->
                response.path("node.__typename")
                        .entity(String.class)
                        .isEqualTo("Fund")
                        .path("node.id")
                        .entity(String.class)
                        .isEqualTo(fixture.fundId())
                        .path("node.name")
                        .entity(String.class)
                        .isEqualTo(fixture.fundName());
            case AUDIT_EVENTS ->
                response.path("auditEvents.totalCount")
                        .entity(Integer.class)
                        .isEqualTo(2)
                        .path("auditEvents.edges[*].node.action")
                        .entityList(String.class)
                        .containsExactly("grantFundAccess", "createFund")
                        .path("auditEvents.edges[1].node.entityId")
                        .entity(String.class)
                        .isEqualTo(fixture.fundId());
            case GRANT_FUND_ACCESS -> {
                response.path("grantFundAccess.userErrors")
                        .entityList(Object.class)
                        .hasSize(0);
                assertThat(granteesOf(fixture)).containsExactlyInAnyOrder(fundManagerOf(fixture), NEWCOMER);
            }
            case REVOKE_FUND_ACCESS -> {
                response.path("revokeFundAccess.userErrors")
                        .entityList(Object.class)
                        .hasSize(0);
                assertThat(granteesOf(fixture)).isEmpty();
            }
            case FUND_ACCESS_GRANTS ->
                response.path("fundAccessGrants[*].person.subject")
                        .entityList(String.class)
                        .containsExactly(fundManagerOf(fixture));
            case FRAMEWORKS ->
                response.path("frameworks[*].version").entityList(Integer.class).containsExactly(1);
            // every caller with a role of this API learns who it is
            case VIEWER -> {
                assertThat(response.path("viewer.subject").entity(String.class).get())
                        .isNotBlank();
                assertThat(response.path("viewer.roles")
                                .entityList(String.class)
                                .get())
                        .isNotEmpty();
            }
        }
    }

    private Fixture newFixture() {
        String tenantKey = newTenant("matrix");
        String fundName = "Matrix Fund " + TenantRows.uniqueKey("f");
        GraphQlTester.Response created = graphQl(usersOf(tenantKey).tenantAdmin())
                .documentName("createFund")
                .variable("input", fundInput(fundName))
                .execute();
        created.path("createFund.userErrors").entityList(Object.class).hasSize(0);
        String fundId = created.path("createFund.fund.id").entity(String.class).get();
        int version =
                created.path("createFund.fund.version").entity(Integer.class).get();
        // the firm's fund manager may read the fund: reads of fund managers are narrowed to granted funds
        graphQl(usersOf(tenantKey).tenantAdmin())
                .document(GRANT)
                .variable("f", fundId)
                .variable("s", "fund-manager@" + tenantKey)
                .execute()
                .path("grantFundAccess.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        return new Fixture(
                tenantKey, fundId, fundName, version, TenantRows.uniqueKey("matrix-new"), "Renamed " + fundName);
    }

    private static final String NEWCOMER = "newcomer";
    private static final String GRANT =
            "mutation($f: ID!, $s: String!) { grantFundAccess(input: {fundId: $f, subject: $s}) { grant { id } userErrors { code } } }";
    private static final String REVOKE =
            "mutation($f: ID!, $s: String!) { revokeFundAccess(input: {fundId: $f, subject: $s}) { revokedGrantId userErrors { code } } }";
    private static final String GRANTS = "query($f: ID!) { fundAccessGrants(fundId: $f) { person { subject } } }";

    private static String fundManagerOf(Fixture fixture) {
        return "fund-manager@" + fixture.tenantKey();
    }

    private List<String> granteesOf(Fixture fixture) {
        return graphQl(usersOf(fixture.tenantKey()).tenantAdmin())
                .document(GRANTS)
                .variable("f", fixture.fundId())
                .execute()
                .path("fundAccessGrants[*].person.subject")
                .entityList(String.class)
                .get();
    }

    private static Map<String, Object> fundInput(String name) {
        return Map.of(
                "name", name, "vintageYear", 2021, "strategy", "BUYOUT", "currency", "USD", "targetSize", 250_000_000);
    }

    private List<String> fundNamesSeenByAdmin(Fixture fixture) {
        GraphQlTester.Response funds = graphQl(usersOf(fixture.tenantKey()).tenantAdmin())
                .documentName("funds")
                .variable("first", 100)
                .execute();
        List<String> names =
                funds.path("funds.edges[*].node.name").entityList(String.class).get();
        assertThat(funds.path("funds.totalCount").entity(Integer.class).get()).isEqualTo(names.size());
        return names;
    }

    private List<String> tenantKeys() {
        return graphQl(platformAdminToken())
                .documentName("tenants")
                .execute()
                .path("tenants[*].key")
                .entityList(String.class)
                .get();
    }

    private String tenantStatus(String key) {
        List<String> statuses = graphQl(platformAdminToken())
                .documentName("tenants")
                .execute()
                .path("tenants[?(@.key == '" + key + "')].status")
                .entityList(String.class)
                .get();
        assertThat(statuses).as("tenants with key %s", key).hasSize(1);
        return statuses.get(0);
    }
}
