package dev.diligence.api.security;

import static dev.diligence.api.security.MatrixAssertions.assertForbidden;
import static dev.diligence.api.security.MatrixAssertions.assertNoData;
import static dev.diligence.api.security.MatrixAssertions.naming;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.operation.ApiOperation;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.persistence.testing.TenantRows;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The role matrix of companies and holdings, proven both ways: every operation answers FORBIDDEN
 * (and writes nothing) to each role that must not call it, and works for each role that may.
 * Every business role reads; tenant admins and assessors write companies; only tenant admins write
 * holdings; platform administrators do nothing inside a firm. Every case runs in a firm of its own
 * that holds one fund, two companies and one holding (the first company, SOURCED, in the fund).
 */
class CompanyHoldingRoleMatrixIT extends ApiIntegrationTest {

    /** The cases, each calling an operation of the registry, which says who may call it. */
    enum Operation implements MatrixOperation {
        COMPANIES("companies", ApiOperation.COMPANIES),
        COMPANY("company(id)", ApiOperation.COMPANY),
        COMPANY_NODE("node(id) of a company", ApiOperation.NODE),
        HOLDING_NODE("node(id) of a holding", ApiOperation.NODE),
        FUND_HOLDINGS("fund(id).holdings", ApiOperation.FUND),
        CREATE_COMPANY("createCompany", ApiOperation.CREATE_COMPANY),
        UPDATE_COMPANY("updateCompany", ApiOperation.UPDATE_COMPANY),
        ARCHIVE_COMPANY("archiveCompany", ApiOperation.ARCHIVE_COMPANY),
        ADD_HOLDING("addHolding", ApiOperation.ADD_HOLDING),
        UPDATE_HOLDING("updateHolding", ApiOperation.UPDATE_HOLDING),
        REMOVE_HOLDING("removeHolding", ApiOperation.REMOVE_HOLDING);

        private final String label;
        private final ApiOperation operation;

        Operation(String label, ApiOperation operation) {
            this.label = label;
            this.operation = operation;
        }

        /** Whether the top-level field is nullable, so that a refusal leaves {@code data.<field>: null}. */
        boolean nullableField() {
            return this == COMPANY || this == COMPANY_NODE || this == HOLDING_NODE || this == FUND_HOLDINGS;
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

    /** A fresh firm with one fund, two companies and a holding of the first company in the fund. */
    private record Fixture(
            String tenantKey,
            String fundId,
            String companyId,
            String companyName,
            String otherCompanyId,
            String otherCompanyName,
            String holdingId,
            String unusedCompanyName) {}

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
            assertSucceeded(operation, caller, response, fixture);
        });
    }

    private GraphQlTester.Response call(Operation operation, String token, Fixture fixture) {
        GraphQlTester tester = graphQl(token);
        return switch (operation) {
            case COMPANIES -> tester.documentName("companies").execute();
            case COMPANY ->
                tester.documentName("company")
                        .variable("id", fixture.companyId())
                        .execute();
            case COMPANY_NODE ->
                tester.documentName("companyNode")
                        .variable("id", fixture.companyId())
                        .execute();
            case HOLDING_NODE ->
                tester.documentName("holdingNode")
                        .variable("id", fixture.holdingId())
                        .execute();
            case FUND_HOLDINGS ->
                tester.documentName("fundHoldingsTotal")
                        .variable("id", fixture.fundId())
                        .execute();
            case CREATE_COMPANY ->
                tester.documentName("createCompany")
                        .variable("input", CompanyFixtures.aCompanyInput(fixture.unusedCompanyName()))
                        .execute();
            case UPDATE_COMPANY ->
                tester.documentName("updateCompany")
                        .variable(
                                "input",
                                Map.of(
                                        "id",
                                        fixture.companyId(),
                                        "expectedVersion",
                                        0,
                                        "name",
                                        fixture.unusedCompanyName()))
                        .execute();
            case ARCHIVE_COMPANY ->
                tester.documentName("archiveCompany")
                        .variable("input", Map.of("id", fixture.companyId()))
                        .execute();
            case ADD_HOLDING ->
                tester.documentName("addHolding")
                        .variable(
                                "input",
                                Map.of(
                                        "fundId",
                                        fixture.fundId(),
                                        "companyId",
                                        fixture.otherCompanyId(),
                                        "dealStage",
                                        "DILIGENCE"))
                        .execute();
            case UPDATE_HOLDING ->
                tester.documentName("updateHolding")
                        .variable(
                                "input",
                                Map.of("id", fixture.holdingId(), "expectedVersion", 0, "dealStage", "DILIGENCE"))
                        .execute();
            case REMOVE_HOLDING ->
                tester.documentName("removeHolding")
                        .variable("input", Map.of("id", fixture.holdingId(), "expectedVersion", 0))
                        .execute();
        };
    }

    private void assertNothingChanged(Operation operation, Fixture fixture) {
        GraphQlTester admin = graphQl(usersOf(fixture.tenantKey()).tenantAdmin());
        switch (operation) {
            case CREATE_COMPANY ->
                assertThat(companyNamesSeenByAdmin(admin))
                        .containsExactlyInAnyOrder(fixture.companyName(), fixture.otherCompanyName());
            case UPDATE_COMPANY, ARCHIVE_COMPANY ->
                admin.documentName("company")
                        .variable("id", fixture.companyId())
                        .execute()
                        .path("company.name")
                        .entity(String.class)
                        .isEqualTo(fixture.companyName())
                        .path("company.archived")
                        .entity(Boolean.class)
                        .isEqualTo(false)
                        .path("company.version")
                        .entity(Integer.class)
                        .isEqualTo(0);
            case ADD_HOLDING -> {
                assertThat(fundHoldingCount(admin, fixture)).isEqualTo(1);
                admin.documentName("companyHoldings")
                        .variable("id", fixture.otherCompanyId())
                        .execute()
                        .path("company.holdings.totalCount")
                        .entity(Integer.class)
                        .isEqualTo(0);
            }
            case UPDATE_HOLDING, REMOVE_HOLDING -> {
                admin.documentName("holdingNode")
                        .variable("id", fixture.holdingId())
                        .execute()
                        .path("node.id")
                        .entity(String.class)
                        .isEqualTo(fixture.holdingId())
                        .path("node.dealStage")
                        .entity(String.class)
                        .isEqualTo("SOURCED")
                        .path("node.version")
                        .entity(Integer.class)
                        .isEqualTo(0);
                assertThat(fundHoldingCount(admin, fixture)).isEqualTo(1);
            }
            case COMPANIES, COMPANY, COMPANY_NODE, HOLDING_NODE, FUND_HOLDINGS -> {
                // reads change nothing; the caller was shown that nothing was returned
            }
        }
    }

    private void assertSucceeded(
            Operation operation, MatrixCaller caller, GraphQlTester.Response response, Fixture fixture) {
        GraphQlTester admin = graphQl(usersOf(fixture.tenantKey()).tenantAdmin());
        switch (operation) {
            case COMPANIES -> {
                // a fund manager sees only the companies held by the funds granted to them
                List<String> visible = caller == MatrixCaller.FUND_MANAGER
                        ? List.of(fixture.companyName())
                        : List.of(fixture.companyName(), fixture.otherCompanyName());
                response.path("companies.totalCount").entity(Integer.class).isEqualTo(visible.size());
                assertThat(response.path("companies.edges[*].node.name")
                                .entityList(String.class)
                                .get())
                        .containsExactlyInAnyOrderElementsOf(visible);
            }
            case COMPANY ->
                response.path("company.id")
                        .entity(String.class)
                        .isEqualTo(fixture.companyId())
                        .path("company.name")
                        .entity(String.class)
                        .isEqualTo(fixture.companyName());
            case COMPANY_NODE ->
                response.path("node.__typename")
                        .entity(String.class)
                        .isEqualTo("Company")
                        .path("node.id")
                        .entity(String.class)
                        .isEqualTo(fixture.companyId())
                        .path("node.name")
                        .entity(String.class)
                        .isEqualTo(fixture.companyName());
            case HOLDING_NODE ->
                response.path("node.__typename")
                        .entity(String.class)
                        .isEqualTo("Holding")
                        .path("node.id")
                        .entity(String.class)
                        .isEqualTo(fixture.holdingId())
                        .path("node.dealStage")
                        .entity(String.class)
                        .isEqualTo("SOURCED")
                        .path("node.fund.id")
                        .entity(String.class)
                        .isEqualTo(fixture.fundId())
                        .path("node.company.name")
                        .entity(String.class)
                        .isEqualTo(fixture.companyName());
            case FUND_HOLDINGS ->
                response.path("fund.holdings.totalCount").entity(Integer.class).isEqualTo(1);
            case CREATE_COMPANY -> {
                response.path("createCompany.userErrors")
                        .entityList(Object.class)
                        .hasSize(0)
                        .path("createCompany.company.name")
                        .entity(String.class)
                        .isEqualTo(fixture.unusedCompanyName());
                assertThat(companyNamesSeenByAdmin(admin))
                        .containsExactlyInAnyOrder(
                                fixture.companyName(), fixture.otherCompanyName(), fixture.unusedCompanyName());
            }
            case UPDATE_COMPANY ->
                response.path("updateCompany.userErrors")
                        .entityList(Object.class)
                        .hasSize(0)
                        .path("updateCompany.company.name")
                        .entity(String.class)
                        .isEqualTo(fixture.unusedCompanyName())
                        .path("updateCompany.company.version")
                        .entity(Integer.class)
                        .isEqualTo(1);
            case ARCHIVE_COMPANY ->
                response.path("archiveCompany.userErrors")
                        .entityList(Object.class)
                        .hasSize(0)
                        .path("archiveCompany.company.id")
                        .entity(String.class)
                        .isEqualTo(fixture.companyId())
                        .path("archiveCompany.company.archived")
                        .entity(Boolean.class)
                        .isEqualTo(true);
            case ADD_HOLDING -> {
                response.path("addHolding.userErrors")
                        .entityList(Object.class)
                        .hasSize(0)
                        .path("addHolding.holding.company.name")
                        .entity(String.class)
                        .isEqualTo(fixture.otherCompanyName())
                        .path("addHolding.holding.dealStage")
                        .entity(String.class)
                        .isEqualTo("DILIGENCE");
                assertThat(fundHoldingCount(admin, fixture)).isEqualTo(2);
            }
            case UPDATE_HOLDING ->
                response.path("updateHolding.userErrors")
                        .entityList(Object.class)
                        .hasSize(0)
                        .path("updateHolding.holding.dealStage")
                        .entity(String.class)
                        .isEqualTo("DILIGENCE")
                        .path("updateHolding.holding.version")
                        .entity(Integer.class)
                        .isEqualTo(1);
            case REMOVE_HOLDING -> {
                response.path("removeHolding.userErrors")
                        .entityList(Object.class)
                        .hasSize(0)
                        .path("removeHolding.removedHoldingId")
                        .entity(String.class)
                        .isEqualTo(fixture.holdingId());
                admin.documentName("holdingNode")
                        .variable("id", fixture.holdingId())
                        .execute()
                        .path("node")
                        .valueIsNull();
                assertThat(fundHoldingCount(admin, fixture)).isEqualTo(0);
            }
        }
    }

    private Fixture newFixture() {
        String tenantKey = newTenant("co-matrix");
        GraphQlTester admin = graphQl(usersOf(tenantKey).tenantAdmin());
        String unique = TenantRows.uniqueKey("m");
        String fundId = CompanyFixtures.createFund(admin, "Matrix Fund " + unique);
        String companyName = "Matrix Co " + unique;
        String companyId = CompanyFixtures.createCompany(admin, companyName);
        String otherCompanyName = "Matrix Other Co " + unique;
        String otherCompanyId = CompanyFixtures.createCompany(admin, otherCompanyName);
        String holdingId = CompanyFixtures.addHolding(admin, fundId, companyId, "SOURCED");
        // the firm's fund manager may read the fund, its holding and the company it holds (not the other company)
        admin.document(
                        "mutation($f: ID!, $s: String!) { grantFundAccess(input: {fundId: $f, subject: $s}) { userErrors { code } } }")
                .variable("f", fundId)
                .variable("s", "fund-manager@" + tenantKey)
                .execute()
                .path("grantFundAccess.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        return new Fixture(
                tenantKey,
                fundId,
                companyId,
                companyName,
                otherCompanyId,
                otherCompanyName,
                holdingId,
                "Renamed " + companyName);
    }

    private static List<String> companyNamesSeenByAdmin(GraphQlTester admin) {
        GraphQlTester.Response companies =
                admin.documentName("companies").variable("first", 100).execute();
        List<String> names = companies
                .path("companies.edges[*].node.name")
                .entityList(String.class)
                .get();
        assertThat(companies.path("companies.totalCount").entity(Integer.class).get())
                .isEqualTo(names.size());
        return names;
    }

    private static int fundHoldingCount(GraphQlTester admin, Fixture fixture) {
        return admin.documentName("fundHoldingsTotal")
                .variable("id", fixture.fundId())
                .execute()
                .path("fund.holdings.totalCount")
                .entity(Integer.class)
                .get();
    }
}
