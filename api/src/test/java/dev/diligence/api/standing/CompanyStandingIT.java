package dev.diligence.api.standing;

import static dev.diligence.api.assessment.AssessmentFixtures.createAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.publishedAssessment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.StatementCounter;
import dev.diligence.api.support.TenantUsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A company's standing ({@code latestAssessment}, {@code openFindings}) answers the same whichever of
 * its fields are selected and however (directly, in a fragment, in an inline fragment), and both
 * together take one statement for all the companies of a page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompanyStandingIT extends ApiIntegrationTest {

    private static final String FIELDS = "latestAssessment { id } openFindings { critical high medium low info }";

    @Autowired
    private StatementCounter counter;

    private GraphQlTester reviewer;
    private String published;

    @BeforeAll
    void aPublishedCompanyWithAnOpenFindingOnItsNextDraftAndACompanyWithNeither() {
        TenantUsers users = usersOf(newTenant("standing"));
        GraphQlTester admin = graphQl(users.tenantAdmin());
        GraphQlTester assessor = graphQl(users.assessor());
        reviewer = graphQl(users.reviewer());
        String assessed = CompanyFixtures.createCompany(admin, "Assessed");
        CompanyFixtures.createCompany(admin, "Unassessed");
        published = publishedAssessment(assessor, reviewer, assessed);
        String draft = createAssessment(assessor, assessed, null);
        assessor.documentName("raiseFinding")
                .variable(
                        "input",
                        Map.of(
                                "assessmentId",
                                draft,
                                "title",
                                "No drift monitoring",
                                "description",
                                "",
                                "severity",
                                "HIGH"))
                .execute()
                .path("raiseFinding.userErrors")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void bothFieldsTogetherAnswerAsEachAlone() {
        GraphQlTester.Response both = companies("{ companies(first: 10) { nodes { name " + FIELDS + " } } }");
        both.path("companies.nodes[*].name")
                .entityList(String.class)
                .containsExactly("Assessed", "Unassessed")
                .path("companies.nodes[0].latestAssessment.id")
                .entity(String.class)
                .isEqualTo(published)
                .path("companies.nodes[0].openFindings")
                .entity(Map.class)
                .isEqualTo(Map.of("critical", 0, "high", 1, "medium", 0, "low", 0, "info", 0))
                .path("companies.nodes[1].latestAssessment")
                .valueIsNull()
                .path("companies.nodes[1].openFindings")
                .entity(Map.class)
                .isEqualTo(Map.of("critical", 0, "high", 0, "medium", 0, "low", 0, "info", 0));
        List<?> nodes = both.path("companies.nodes").entityList(Map.class).get();

        companies("{ companies(first: 10) { nodes { name latestAssessment { id } } } }")
                .path("companies.nodes[*].latestAssessment")
                .entityList(Object.class)
                .isEqualTo(nodes.stream()
                        .map(node -> ((Map<?, ?>) node).get("latestAssessment"))
                        .toList());
        companies("{ companies(first: 10) { nodes { name openFindings { critical high medium low info } } } }")
                .path("companies.nodes[*].openFindings")
                .entityList(Object.class)
                .isEqualTo(nodes.stream()
                        .map(node -> ((Map<?, ?>) node).get("openFindings"))
                        .toList());
        companies("query { companies(first: 10) { nodes { name ...Standing } } } fragment Standing on Company { "
                        + FIELDS + " }")
                .path("companies.nodes")
                .entityList(Map.class)
                .isEqualTo(nodes);
        companies(
                        "{ companies(first: 10) { nodes { name latestAssessment { id } ... on Company { openFindings { critical high medium low info } } } } }")
                .path("companies.nodes")
                .entityList(Map.class)
                .isEqualTo(nodes);
    }

    @Test
    void bothFieldsOfEveryCompanyOfAPageTakeOneStatement() {
        String document = "{ companies(first: 10) { nodes { name " + FIELDS + " } } }";
        List<String> sent = counter.statementsWarmed(() -> companies(document)
                .path("companies.nodes")
                .entityList(Object.class)
                .hasSize(2));
        assertThat(sent.stream()
                        .filter(statement ->
                                statement.contains("open_findings") || statement.contains("latest_publication")))
                .as("the statements of the standings among %s", sent)
                .hasSize(1);
    }

    private GraphQlTester.Response companies(String document) {
        return reviewer.document(document).execute();
    }
}
