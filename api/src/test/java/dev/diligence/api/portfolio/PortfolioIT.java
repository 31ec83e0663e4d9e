package dev.diligence.api.portfolio;

import static dev.diligence.api.assessment.AssessmentFixtures.addEvidence;
import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.move;
import static dev.diligence.api.assessment.AssessmentFixtures.score;
import static dev.diligence.api.portfolio.PortfolioResponses.assertStatistics;
import static dev.diligence.api.portfolio.PortfolioResponses.decimal;
import static dev.diligence.api.portfolio.PortfolioResponses.list;
import static dev.diligence.api.portfolio.PortfolioResponses.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TenantUsers;
import dev.diligence.domain.portfolio.PercentileRank;
import dev.diligence.domain.portfolio.ScoreStatistics;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * {@code portfolio} through GraphQL on a small fund: the numbers agree with the published scores
 * the assessments themselves report, the pages cover the cohort, and only callers who may see the
 * fund get an answer (everyone else gets what a fund that does not exist gets).
 * <pre>
 * Fund I (granted to the fund manager): Alpha, Bravo, Charlie (Bravo's twin: a tie), Delta (prohibited: level
 *                                        suppressed), Echo, Foxtrot (a draft only), Golf (never assessed)
 * Fund II:                               Hotel (published)
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioIT extends ApiIntegrationTest {

    private String tenant;
    private GraphQlTester admin;
    private GraphQlTester fundManager;
    private String fundI;
    private String fundII;
    private final Map<String, String> companies = new LinkedHashMap<>();
    private final Map<String, String> published = new LinkedHashMap<>();

    @BeforeAll
    void aSmallFund() {
        tenant = newTenant("portfolio");
        TenantUsers users = usersOf(tenant);
        admin = graphQl(users.tenantAdmin());
        fundManager = graphQl(users.fundManager());
        GraphQlTester assessor = graphQl(users.assessor());
        GraphQlTester reviewer = graphQl(users.reviewer());
        fundI = CompanyFixtures.createFund(admin, "Fund I");
        fundII = CompanyFixtures.createFund(admin, "Fund II");
        admin.document(
                        "mutation($f: ID!, $s: String!) { grantFundAccess(input: {fundId: $f, subject: $s}) { userErrors { code } } }")
                .variable("f", fundI)
                .variable("s", "fund-manager@" + tenant)
                .execute()
                .path("grantFundAccess.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        for (String name : List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel")) {
            String company = CompanyFixtures.createCompany(admin, name);
            companies.put(name, company);
            CompanyFixtures.addHolding(
                    admin,
                    name.equals("Hotel") ? fundII : fundI,
                    company,
                    name.equals("Echo") ? "DILIGENCE" : "INVESTED");
        }
        int level = 0;
        for (String name : List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Hotel")) {
            String id = createAssessment(
                    assessor,
                    companies.get(name),
                    name.equals("Delta") ? Map.of("euAiActTier", "PROHIBITED") : Map.of("euAiActTier", "HIGH"));
            int base = name.equals("Charlie") ? 1 : level++;
            score(assessor, id, "C1.1", base % 5, "HIGH");
            score(assessor, id, "C2.2", (base + 2) % 5, "MEDIUM");
            score(assessor, id, "C4.2", (base + 3) % 5, "HIGH");
            addEvidence(assessor, id, "C2.2");
            move(assessor, assessor, "submitAssessment", id);
            move(reviewer, reviewer, "publishAssessment", id);
            published.put(name, id);
        }
        createAssessment(assessor, companies.get("Foxtrot"), null);
    }

    @Test
    void theSummaryAgreesWithThePublishedScoresOfTheFundsCompanies() {
        Map<String, Object> portfolio = portfolio(admin, Map.of("fundId", fundI, "first", 100));

        List<String> cohort = List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo");
        List<BigDecimal> overall = cohort.stream()
                .map(name -> decimal(storedScore(name).get("overall")))
                .toList();
        assertThat(portfolio).containsEntry("cohortSize", 5).containsEntry("frameworkVersion", 1);
        assertStatistics(map(portfolio, "overall"), ScoreStatistics.of(overall));
        List<Map<String, Object>> dimensions = list(portfolio, "dimensions");
        assertThat(dimensions).extracting(d -> d.get("dimension")).containsExactly("D1", "D2", "D3", "D4");
        for (Map<String, Object> dimension : dimensions) {
            List<BigDecimal> scores = new ArrayList<>();
            for (String name : cohort) {
                list(storedScore(name), "dimensions").stream()
                        .filter(d -> d.get("code").equals(dimension.get("dimension")) && d.get("score") != null)
                        .forEach(d -> scores.add(decimal(d.get("score"))));
            }
            assertStatistics(map(dimension, "statistics"), ScoreStatistics.of(scores));
        }
        assertThat(map(portfolio, "levelDistribution")).containsEntry("suppressed", 1);
        assertThat(list(portfolio, "unassessedCompanies"))
                .extracting(c -> c.get("name"))
                .containsExactly("Foxtrot", "Golf");
        assertThat(list(portfolio, "otherVersions")).isEmpty();

        List<Map<String, Object>> rows = list(map(portfolio, "companies"), "nodes");
        assertThat(rows).hasSize(5);
        for (Map<String, Object> row : rows) {
            String name = (String) map(row, "company").get("name");
            BigDecimal own = decimal(row.get("overall"));
            assertThat(own).isEqualByComparingTo(decimal(storedScore(name).get("overall")));
            long lower = overall.stream().filter(s -> s.compareTo(own) < 0).count();
            assertThat(decimal(row.get("percentileRank")))
                    .as(name)
                    .isEqualByComparingTo(PercentileRank.of(lower, 5).orElseThrow());
            assertThat(list(row, "heatmap")).hasSize(14);
            assertThat(map(row, "assessment").get("id")).isEqualTo(published.get(name));
        }
        assertThat(rows).extracting(r -> decimal(r.get("overall"))).isSortedAccordingTo(Comparator.reverseOrder());
        Map<String, Object> delta = rows.stream()
                .filter(r -> map(r, "company").get("name").equals("Delta"))
                .findFirst()
                .orElseThrow();
        assertThat(delta)
                .containsEntry("levelSuppressed", true)
                .containsEntry("level", null)
                .containsEntry("dealLevelRedFlag", true);
        assertThat(list(map(portfolio, "remediation"), "nodes")).isNotEmpty();
    }

    @Test
    void aRowShowsItsRedFlagsAsTheSameObjectsAsTheAssessmentsScoreAndTheDeprecatedTextAgrees() {
        Map<String, Object> portfolio = fundManager
                .documentName("portfolioRedFlags")
                .variable("fundId", fundI)
                .execute()
                .path("portfolio")
                .entity(Map.class)
                .get();

        List<Map<String, Object>> rows = list(map(portfolio, "companies"), "nodes");
        assertThat(rows).hasSize(5);
        assertThat(rows)
                .anySatisfy(row -> assertThat(list(row, "firedRedFlags")).isNotEmpty());
        for (Map<String, Object> row : rows) {
            List<Map<String, Object>> fired = list(row, "firedRedFlags");
            assertThat(fired).isEqualTo(list(map(map(row, "assessment"), "score"), "redFlags"));
            assertThat(row.get("redFlags"))
                    .isEqualTo(fired.stream()
                            .map(flag -> flag.get("criterion") == null
                                    ? flag.get("rule")
                                    : flag.get("rule") + " " + flag.get("criterion"))
                            .toList());
        }
    }

    @Test
    void pagesCoverTheCohortInTheAskedOrder() {
        List<String> names = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new LinkedHashMap<>(
                    Map.of("fundId", fundI, "first", 2, "orderBy", Map.of("field", "NAME", "direction", "ASC")));
            if (after != null) {
                variables.put("after", after);
            }
            Map<String, Object> connection = map(portfolio(admin, variables), "companies");
            list(connection, "nodes")
                    .forEach(row -> names.add((String) map(row, "company").get("name")));
            Map<String, Object> pageInfo = map(connection, "pageInfo");
            after = Boolean.TRUE.equals(pageInfo.get("hasNextPage")) ? (String) pageInfo.get("endCursor") : null;
        } while (after != null);

        assertThat(names).containsExactly("Alpha", "Bravo", "Charlie", "Delta", "Echo");
    }

    @Test
    void filtersByDealStageAndDate() {
        Map<String, Object> invested = portfolio(admin, Map.of("fundId", fundI, "dealStages", List.of("INVESTED")));
        assertThat(invested).containsEntry("cohortSize", 4).containsEntry("dealStages", List.of("INVESTED"));

        Map<String, Object> before = portfolio(admin, Map.of("fundId", fundI, "asOf", "2020-01-01T00:00:00Z"));
        assertThat(before).containsEntry("cohortSize", 0);
        assertThat(map(before, "overall")).containsEntry("count", 0).containsEntry("median", null);
        assertThat(list(before, "unassessedCompanies")).hasSize(7);
    }

    @Test
    void aFundManagerSeesGrantedFundsOnlyAndEveryoneElseSeesNothingOfAFundTheyCannotSee() {
        assertThat(portfolio(fundManager, Map.of("fundId", fundI))).containsEntry("cohortSize", 5);
        Map<String, Object> random =
                Map.of("fundId", dev.diligence.api.graphql.GlobalId.encode("Fund", UUID.randomUUID()));
        assertThat(fundManager
                .documentName("portfolio")
                .variables(Map.of("fundId", fundII))
                .execute()
                .path("portfolio")
                .valueIsNull());
        GraphQlTester otherFirm = graphQl(usersOf(newTenant("portfolio-other")).tenantAdmin());
        otherFirm
                .documentName("portfolio")
                .variables(Map.of("fundId", fundI))
                .execute()
                .path("portfolio")
                .valueIsNull();
        otherFirm
                .documentName("portfolio")
                .variables(random)
                .execute()
                .path("portfolio")
                .valueIsNull();
    }

    @Test
    void anUnknownFrameworkVersionIsABadRequest() {
        admin.documentName("portfolio")
                .variables(Map.of("fundId", fundI, "frameworkVersion", 77))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "BAD_REQUEST")));
    }

    private Map<String, Object> storedScore(String name) {
        return map(
                admin.document(
                                "query($id: ID!) { assessment(id: $id) { score { stored overall dimensions { code score } } } }")
                        .variable("id", published.get(name))
                        .execute()
                        .path("assessment")
                        .entity(Map.class)
                        .get(),
                "score");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> portfolio(GraphQlTester caller, Map<String, Object> variables) {
        return caller.documentName("portfolio")
                .variables(variables)
                .execute()
                .path("portfolio")
                .entity(Map.class)
                .get();
    }
}
