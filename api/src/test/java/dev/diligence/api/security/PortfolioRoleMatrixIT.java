package dev.diligence.api.security;

import static dev.diligence.api.security.MatrixAssertions.assertForbidden;
import static dev.diligence.api.security.MatrixAssertions.assertNoData;
import static dev.diligence.api.security.MatrixAssertions.naming;
import static dev.diligence.api.security.MatrixCaller.TENANT_ROLES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.assessment.AssessmentFixtures;
import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TenantUsers;
import dev.diligence.persistence.testing.TenantRows;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The role matrix of the portfolio comparison, proven both ways: every business role reads a
 * fund's portfolio (a fund manager one granted to them), and platform administrators, with or
 * without a tenant claim, get FORBIDDEN on {@code portfolio} (a nullable field, so
 * {@code data.portfolio} is null). Every case runs in a firm of its own with one fund, granted to
 * the firm's fund manager, holding one company with one assessment, scored by the firm's assessor
 * and published by its reviewer.
 */
class PortfolioRoleMatrixIT extends ApiIntegrationTest {

    /** The secured operations, the top-level field a refusal is reported on, and who may call them. */
    enum Operation {
        PORTFOLIO("portfolio(fundId)", "portfolio", TENANT_ROLES);

        private final String label;
        private final String field;
        private final Set<MatrixCaller> allowed;

        Operation(String label, String field, Set<MatrixCaller> allowed) {
            this.label = label;
            this.field = field;
            this.allowed = allowed;
        }

        /** Whether the top-level field is nullable, so that a refusal leaves {@code data.<field>: null}. */
        boolean nullableField() {
            return true;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A fresh firm with one fund holding one company whose one assessment is published. */
    private record Fixture(String tenantKey, String fundId, String fundName, String companyId, String companyName, String assessmentId) {
    }

    static Stream<Arguments> forbiddenCalls() {
        return Arrays.stream(Operation.values()).flatMap(operation -> Arrays.stream(MatrixCaller.values())
                .filter(caller -> !operation.allowed.contains(caller))
                .map(caller -> Arguments.of(operation, caller)));
    }

    static Stream<Arguments> allowedCalls() {
        return Arrays.stream(Operation.values()).flatMap(operation -> operation.allowed.stream()
                .map(caller -> Arguments.of(operation, caller)));
    }

    @ParameterizedTest(name = "{1} may not call {0}")
    @MethodSource("forbiddenCalls")
    void callerWithoutTheRoleIsForbidden(Operation operation, MatrixCaller caller) {
        Fixture fixture = newFixture();

        GraphQlTester.Response response = call(operation, caller.token(fixture.tenantKey()), fixture);

        naming(caller + " calling " + operation, () -> {
            assertForbidden(response, operation.field);
            assertNoData(response, operation.field, operation.nullableField());
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
            case PORTFOLIO -> tester.documentName("matrixPortfolio").variable("fundId", fixture.fundId()).execute();
        };
    }

    private void assertSucceeded(Operation operation, MatrixCaller caller, GraphQlTester.Response response, Fixture fixture) {
        switch (operation) {
            case PORTFOLIO -> {
                response.path("portfolio.fund.id").entity(String.class).isEqualTo(fixture.fundId())
                        .path("portfolio.fund.name").entity(String.class).isEqualTo(fixture.fundName())
                        .path("portfolio.frameworkVersion").entity(Integer.class).isEqualTo(1)
                        .path("portfolio.cohortSize").entity(Integer.class).isEqualTo(1)
                        .path("portfolio.overall.count").entity(Integer.class).isEqualTo(1)
                        .path("portfolio.unassessedCompanies").entityList(Object.class).hasSize(0)
                        .path("portfolio.companies.nodes").entityList(Object.class).hasSize(1)
                        .path("portfolio.companies.nodes[0].company.id").entity(String.class).isEqualTo(fixture.companyId())
                        .path("portfolio.companies.nodes[0].company.name").entity(String.class).isEqualTo(fixture.companyName())
                        .path("portfolio.companies.nodes[0].assessment.id").entity(String.class).isEqualTo(fixture.assessmentId())
                        .path("portfolio.companies.nodes[0].assessment.status").entity(String.class).isEqualTo("PUBLISHED")
                        .path("portfolio.companies.nodes[0].cohortSize").entity(Integer.class).isEqualTo(1)
                        .path("portfolio.companies.nodes[0].percentileRank").valueIsNull()
                        .path("portfolio.companies.nodes[0].heatmap").entityList(Object.class).hasSize(14)
                        .path("portfolio.companies.nodes[0].heatmap[0].criterion").entity(String.class).isEqualTo("C1.1")
                        .path("portfolio.companies.nodes[0].heatmap[0].state").entity(String.class).isEqualTo("SCORED");
                if (caller != MatrixCaller.TENANT_ADMIN) {
                    // the role changes who may ask, never the answer: the tenant admin's, to the last field
                    Map<String, Object> adminsAnswer = call(operation, usersOf(fixture.tenantKey()).tenantAdmin(), fixture)
                            .path("portfolio").entity(Map.class).get();
                    assertThat(response.path("portfolio").entity(Map.class).get()).isEqualTo(adminsAnswer);
                }
            }
        }
    }

    private Fixture newFixture() {
        String tenantKey = newTenant("pf-matrix");
        TenantUsers users = usersOf(tenantKey);
        GraphQlTester admin = graphQl(users.tenantAdmin());
        String unique = TenantRows.uniqueKey("m");
        String fundName = "Matrix Fund " + unique;
        String fundId = CompanyFixtures.createFund(admin, fundName);
        String companyName = "Matrix Co " + unique;
        String companyId = CompanyFixtures.createCompany(admin, companyName);
        CompanyFixtures.addHolding(admin, fundId, companyId, "INVESTED");
        // the firm's fund manager may read the fund's portfolio: the fund is granted to them
        admin.document("mutation($f: ID!, $s: String!) { grantFundAccess(input: {fundId: $f, subject: $s}) { userErrors { code } } }")
                .variable("f", fundId).variable("s", "fund-manager@" + tenantKey).execute()
                .path("grantFundAccess.userErrors").entityList(Object.class).hasSize(0);
        // the assessor scores and submits, the reviewer publishes (four eyes)
        String assessmentId = AssessmentFixtures.publishedAssessment(graphQl(users.assessor()), graphQl(users.reviewer()), companyId);
        return new Fixture(tenantKey, fundId, fundName, companyId, companyName, assessmentId);
    }
}
