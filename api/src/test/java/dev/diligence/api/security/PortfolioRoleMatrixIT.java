package dev.diligence.api.security;

import static dev.diligence.api.security.MatrixAssertions.assertForbidden;
import static dev.diligence.api.security.MatrixAssertions.assertNoData;
import static dev.diligence.api.security.MatrixAssertions.naming;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.assessment.AssessmentFixtures;
import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.operation.ApiOperation;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TenantUsers;
import dev.diligence.persistence.testing.TenantRows;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The role matrix of the portfolio comparison, proven both ways: every business role reads a
 * fund's portfolio and its trend and compares companies (a fund manager those of a fund granted to
 * them), and platform administrators, with or without a tenant claim, get FORBIDDEN on
 * {@code portfolio}, {@code portfolioTrend} and {@code compareCompanies} (nullable fields, so
 * {@code data.<field>} is null). Every case runs in a firm of its own with one fund, granted to
 * the firm's fund manager, holding one company with two assessments, each scored by the firm's
 * assessor and published by its reviewer; their publications are then moved to
 * {@value #EARLIER_PUBLICATION} and {@value #LATER_PUBLICATION} (the owner's connection, as a
 * clock would have stamped them), so that a trend over the first quarter of 2025 has a fixed answer.
 */
class PortfolioRoleMatrixIT extends ApiIntegrationTest {

    /** The cases, each calling an operation of the registry, which says who may call it. */
    enum Operation implements MatrixOperation {
        PORTFOLIO("portfolio(fundId)", ApiOperation.PORTFOLIO),
        PORTFOLIO_TREND("portfolioTrend(fundId, from, to, interval)", ApiOperation.PORTFOLIO_TREND),
        COMPARE_COMPANIES("compareCompanies(ids, fundId)", ApiOperation.COMPARE_COMPANIES);

        private final String label;
        private final ApiOperation operation;

        Operation(String label, ApiOperation operation) {
            this.label = label;
            this.operation = operation;
        }

        /** Whether the top-level field is nullable, so that a refusal leaves {@code data.<field>: null}. */
        boolean nullableField() {
            return true;
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

    static final String EARLIER_PUBLICATION = "2025-02-10T10:00:00Z";
    static final String LATER_PUBLICATION = "2025-03-05T10:00:00Z";
    /** The trend's window: January to March 2025, so three month ends. */
    private static final Map<String, Object> FIRST_QUARTER_OF_2025 =
            Map.of("from", "2025-01-01T00:00:00Z", "to", "2025-03-31T23:59:59.999999Z");

    /**
     * A fresh firm with one fund holding one company with two published assessments (the later one is the
     * latest), and a random company ID that names nothing, compared next to the company.
     */
    private record Fixture(
            String tenantKey,
            String fundId,
            String fundName,
            String companyId,
            String companyName,
            String earlierAssessmentId,
            String assessmentId,
            String unknownCompanyId) {}

    static Stream<Arguments> forbiddenCalls() {
        return MatrixOperation.forbiddenCalls(Operation.values());
    }

    static Stream<Arguments> allowedCalls() {
        return MatrixOperation.allowedCalls(Operation.values());
    }

    @ParameterizedTest(name = "{1} may not call {0}")
    @MethodSource("forbiddenCalls")
    void callerWithoutTheRoleIsForbidden(Operation operation, MatrixCaller caller) {
        Fixture fixture = newFixture();

        GraphQlTester.Response response = call(operation, caller.token(fixture.tenantKey()), fixture);

        naming(caller + " calling " + operation, () -> {
            assertForbidden(response, operation.field());
            assertNoData(response, operation.field(), operation.nullableField());
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
            case PORTFOLIO ->
                tester.documentName("matrixPortfolio")
                        .variable("fundId", fixture.fundId())
                        .execute();
            case PORTFOLIO_TREND ->
                tester.documentName("matrixPortfolioTrend")
                        .variables(FIRST_QUARTER_OF_2025)
                        .variable("fundId", fixture.fundId())
                        .execute();
            case COMPARE_COMPANIES ->
                tester.documentName("matrixCompareCompanies")
                        .variable("ids", List.of(fixture.companyId(), fixture.unknownCompanyId()))
                        .variable("fundId", fixture.fundId())
                        .execute();
        };
    }

    private void assertSucceeded(
            Operation operation, MatrixCaller caller, GraphQlTester.Response response, Fixture fixture) {
        switch (operation) {
            case PORTFOLIO -> {
                response.path("portfolio.fund.id")
                        .entity(String.class)
                        .isEqualTo(fixture.fundId())
                        .path("portfolio.fund.name")
                        .entity(String.class)
                        .isEqualTo(fixture.fundName())
                        .path("portfolio.frameworkVersion")
                        .entity(Integer.class)
                        .isEqualTo(1)
                        .path("portfolio.cohortSize")
                        .entity(Integer.class)
                        .isEqualTo(1)
                        .path("portfolio.overall.count")
                        .entity(Integer.class)
                        .isEqualTo(1)
                        .path("portfolio.unassessedCompanies")
                        .entityList(Object.class)
                        .hasSize(0)
                        .path("portfolio.unassessed.totalCount")
                        .entity(Integer.class)
                        .isEqualTo(0)
                        .path("portfolio.unassessed.nodes")
                        .entityList(Object.class)
                        .hasSize(0)
                        .path("portfolio.otherVersions")
                        .entityList(Object.class)
                        .hasSize(0)
                        .path("portfolio.companies.totalCount")
                        .entity(Integer.class)
                        .isEqualTo(1)
                        .path("portfolio.companies.nodes")
                        .entityList(Object.class)
                        .hasSize(1)
                        .path("portfolio.companies.nodes[0].company.id")
                        .entity(String.class)
                        .isEqualTo(fixture.companyId())
                        .path("portfolio.companies.nodes[0].company.name")
                        .entity(String.class)
                        .isEqualTo(fixture.companyName())
                        .path("portfolio.companies.nodes[0].assessment.id")
                        .entity(String.class)
                        .isEqualTo(fixture.assessmentId())
                        .path("portfolio.companies.nodes[0].assessment.status")
                        .entity(String.class)
                        .isEqualTo("PUBLISHED")
                        .path("portfolio.companies.nodes[0].cohortSize")
                        .entity(Integer.class)
                        .isEqualTo(1)
                        .path("portfolio.companies.nodes[0].percentileRank")
                        .valueIsNull()
                        .path("portfolio.companies.nodes[0].heatmap")
                        .entityList(Object.class)
                        .hasSize(14)
                        .path("portfolio.companies.nodes[0].heatmap[0].criterion")
                        .entity(String.class)
                        .isEqualTo("C1.1")
                        .path("portfolio.companies.nodes[0].heatmap[0].state")
                        .entity(String.class)
                        .isEqualTo("SCORED");
                int remediation = response.path("portfolio.remediation.totalCount")
                        .entity(Integer.class)
                        .get();
                response.path("portfolio.remediation.nodes")
                        .entityList(Object.class)
                        .hasSize(Math.min(5, remediation));
            }
            case PORTFOLIO_TREND -> {
                response.path("portfolioTrend.fund.id")
                        .entity(String.class)
                        .isEqualTo(fixture.fundId())
                        .path("portfolioTrend.fund.name")
                        .entity(String.class)
                        .isEqualTo(fixture.fundName())
                        .path("portfolioTrend.interval")
                        .entity(String.class)
                        .isEqualTo("MONTH")
                        .path("portfolioTrend.frameworkVersion")
                        .entity(Integer.class)
                        .isEqualTo(1)
                        .path("portfolioTrend.dealStages")
                        .entityList(Object.class)
                        .hasSize(0)
                        .path("portfolioTrend.points[*].period")
                        .entityList(String.class)
                        .containsExactly("2025-01", "2025-02", "2025-03")
                        .path("portfolioTrend.points[*].periodEnd")
                        .entityList(Boolean.class)
                        .containsExactly(true, true, true)
                        // January: nothing published yet; February: the earlier assessment; March: the later one
                        .path("portfolioTrend.points[*].cohortSize")
                        .entityList(Integer.class)
                        .containsExactly(0, 1, 1)
                        .path("portfolioTrend.points[*].unassessedCount")
                        .entityList(Integer.class)
                        .containsExactly(1, 0, 0)
                        .path("portfolioTrend.points[*].overall.count")
                        .entityList(Integer.class)
                        .containsExactly(0, 1, 1)
                        .path("portfolioTrend.points[2].dimensions")
                        .entityList(Object.class)
                        .hasSize(4)
                        .path("portfolioTrend.changes")
                        .entityList(Object.class)
                        .hasSize(1)
                        .path("portfolioTrend.changes[0].company.id")
                        .entity(String.class)
                        .isEqualTo(fixture.companyId())
                        .path("portfolioTrend.changes[0].company.name")
                        .entity(String.class)
                        .isEqualTo(fixture.companyName())
                        .path("portfolioTrend.changes[0].fromAssessment.id")
                        .entity(String.class)
                        .isEqualTo(fixture.earlierAssessmentId())
                        .path("portfolioTrend.changes[0].toAssessment.id")
                        .entity(String.class)
                        .isEqualTo(fixture.assessmentId())
                        .path("portfolioTrend.changes[0].toAssessment.status")
                        .entity(String.class)
                        .isEqualTo("PUBLISHED")
                        .path("portfolioTrend.changes[0].dimensions")
                        .entityList(Object.class)
                        .hasSize(4);
            }
            case COMPARE_COMPANIES -> {
                response.path("compareCompanies.frameworkVersion")
                        .entity(Integer.class)
                        .isEqualTo(1)
                        .path("compareCompanies.asOf")
                        .hasValue()
                        .path("compareCompanies.missing")
                        .entityList(String.class)
                        .containsExactly(fixture.unknownCompanyId())
                        .path("compareCompanies.fundMedians.fund.id")
                        .entity(String.class)
                        .isEqualTo(fixture.fundId())
                        .path("compareCompanies.fundMedians.cohortSize")
                        .entity(Integer.class)
                        .isEqualTo(1)
                        .path("compareCompanies.fundMedians.dimensions")
                        .entityList(Object.class)
                        .hasSize(4)
                        .path("compareCompanies.companies")
                        .entityList(Object.class)
                        .hasSize(1)
                        .path("compareCompanies.companies[0].company.id")
                        .entity(String.class)
                        .isEqualTo(fixture.companyId())
                        .path("compareCompanies.companies[0].company.name")
                        .entity(String.class)
                        .isEqualTo(fixture.companyName())
                        .path("compareCompanies.companies[0].assessment.id")
                        .entity(String.class)
                        .isEqualTo(fixture.assessmentId())
                        .path("compareCompanies.companies[0].assessment.status")
                        .entity(String.class)
                        .isEqualTo("PUBLISHED")
                        .path("compareCompanies.companies[0].comparable")
                        .entity(Boolean.class)
                        .isEqualTo(true)
                        // the fund's only scored company is its own median
                        .path("compareCompanies.companies[0].overallDifferenceFromMedian")
                        .entity(BigDecimal.class)
                        .satisfies(difference -> assertThat(difference).isEqualByComparingTo("0"))
                        .path("compareCompanies.companies[0].dimensions")
                        .entityList(Object.class)
                        .hasSize(4)
                        .path("compareCompanies.companies[0].criteria")
                        .entityList(Object.class)
                        .hasSize(14)
                        .path("compareCompanies.companies[0].criteria[0].criterion")
                        .entity(String.class)
                        .isEqualTo("C1.1")
                        .path("compareCompanies.companies[0].criteria[0].state")
                        .entity(String.class)
                        .isEqualTo("SCORED");
            }
        }
        if (caller != MatrixCaller.TENANT_ADMIN) {
            // the role changes who may ask, never the answer: the tenant admin's, to the last field
            Map<String, Object> adminsAnswer = call(
                            operation, usersOf(fixture.tenantKey()).tenantAdmin(), fixture)
                    .path(operation.field())
                    .entity(Map.class)
                    .get();
            assertThat(withoutRequestTime(
                            operation,
                            response.path(operation.field()).entity(Map.class).get()))
                    .isEqualTo(withoutRequestTime(operation, adminsAnswer));
        }
    }

    /** compareCompanies is taken as of the time of the request, which two requests rarely share; every other field must match. */
    private static Map<String, Object> withoutRequestTime(Operation operation, Map<String, Object> answer) {
        if (operation != Operation.COMPARE_COMPANIES) {
            return answer;
        }
        Map<String, Object> rest = new LinkedHashMap<>(answer);
        assertThat(rest.remove("asOf")).isNotNull();
        return rest;
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
        admin.document(
                        "mutation($f: ID!, $s: String!) { grantFundAccess(input: {fundId: $f, subject: $s}) { userErrors { code } } }")
                .variable("f", fundId)
                .variable("s", "fund-manager@" + tenantKey)
                .execute()
                .path("grantFundAccess.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        // the assessor scores and submits, the reviewer publishes (four eyes); twice, so that the trend has a change
        String earlierAssessmentId =
                AssessmentFixtures.publishedAssessment(graphQl(users.assessor()), graphQl(users.reviewer()), companyId);
        String assessmentId =
                AssessmentFixtures.publishedAssessment(graphQl(users.assessor()), graphQl(users.reviewer()), companyId);
        stampPublication(earlierAssessmentId, EARLIER_PUBLICATION);
        stampPublication(assessmentId, LATER_PUBLICATION);
        return new Fixture(
                tenantKey,
                fundId,
                fundName,
                companyId,
                companyName,
                earlierAssessmentId,
                assessmentId,
                GlobalId.encode("Company", UUID.randomUUID()));
    }

    /** Moves a publication to the time a clock then would have stamped (the application stamps the real time). */
    private static void stampPublication(String assessmentId, String publishedAt) {
        try (Connection owner = DB.connectAsAdmin();
                PreparedStatement update =
                        owner.prepareStatement("update assessments set published_at = ?::timestamptz where id = ?")) {
            update.setString(1, publishedAt);
            update.setObject(2, GlobalId.decode(assessmentId, "Assessment").orElseThrow());
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
