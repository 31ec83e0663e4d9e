package dev.diligence.api.assessment;

import static dev.diligence.api.assessment.AssessmentFixtures.attempt;
import static dev.diligence.api.assessment.AssessmentFixtures.handCheckedDraft;
import static dev.diligence.api.assessment.AssessmentFixtures.move;
import static dev.diligence.api.assessment.AssessmentFixtures.publishedAssessment;
import static dev.diligence.api.assessment.AssessmentFixtures.score;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.StatementCounter;
import dev.diligence.api.support.TenantUsers;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Reads answer a score from the numbers stored with the assessment (at publication, or at every save
 * of a draft), reading neither its criteria nor running the engine, and those numbers are the whole
 * result's, digit for digit: one criterion scored (every dimension provisional), a capped dimension
 * with provisional and not-applicable parts, a retracted assessment, a draft and one in review. A
 * score that asks for anything else is computed from the whole assessment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredScoreIT extends ApiIntegrationTest {

    /** Every stored field of AssessmentScore, and under dimensions every stored field of DimensionScore. */
    private static final String STORED_SCORE = """
            frameworkVersion stored overall percentage floor confidence coverage level levelSuppressed dealLevelRedFlag
            provisionalDimensions dimensions { code applicable score uncappedScore cappedBy coverage provisional confidence }""";

    @Autowired
    private StatementCounter counter;

    @Autowired
    private GraphQlSource graphQlSource;

    private GraphQlTester reader;
    private GraphQlTester assessor;
    private final Map<String, String> published = new HashMap<>();
    private final Map<String, String> unpublished = new HashMap<>();

    @BeforeAll
    void publishedAssessmentsOfEveryShape() {
        TenantUsers users = usersOf(newTenant("stored-score"));
        GraphQlTester admin = graphQl(users.tenantAdmin());
        assessor = graphQl(users.assessor());
        GraphQlTester reviewer = graphQl(users.reviewer());
        reader = reviewer;

        published.put(
                "one criterion scored: every dimension provisional",
                publishedAssessment(assessor, reviewer, CompanyFixtures.createCompany(admin, "Sparse Analytics")));

        String capped = handCheckedDraft(assessor, CompanyFixtures.createCompany(admin, "Lumen Credit"));
        move(assessor, assessor, "submitAssessment", capped);
        move(reviewer, reviewer, "publishAssessment", capped);
        published.put("capped, provisional and not applicable", capped);

        String retracted =
                publishedAssessment(assessor, reviewer, CompanyFixtures.createCompany(admin, "Withdrawn Labs"));
        attempt(admin, admin, "retractAssessment", retracted, "reason", "Scored the wrong entity.")
                .path("retractAssessment.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        published.put("retracted", retracted);

        String draft = handCheckedDraft(assessor, CompanyFixtures.createCompany(admin, "Draft Dynamics"));
        unpublished.put("draft, capped, provisional and not applicable", draft);
        String inReview = handCheckedDraft(assessor, CompanyFixtures.createCompany(admin, "Review Robotics"));
        move(assessor, assessor, "submitAssessment", inReview);
        unpublished.put("in review", inReview);
    }

    @Test
    void storedNumbersAreTheWholeResultsDigitForDigit() {
        published.forEach(
                (shape, id) -> assertThat(storedAndWhole(id)).as(shape).containsEntry("stored", true));
        unpublished.forEach(
                (shape, id) -> assertThat(storedAndWhole(id)).as(shape).containsEntry("stored", false));
    }

    /** The score of stored numbers, checked equal to the whole result's same fields. */
    private Map<String, Object> storedAndWhole(String id) {
        Map<String, Object> stored = scoreOf(id, "");
        Map<String, Object> whole = new HashMap<>(scoreOf(id, "uncappedLevel"));
        whole.remove("uncappedLevel");
        assertThat(stored).isEqualTo(whole);
        return stored;
    }

    @Test
    void aComputedFieldNamedInAFragmentGetsTheWholeResult() {
        String id = published.get("capped, provisional and not applicable");
        Object whole = scoreOf(id, "uncappedLevel").get("uncappedLevel");

        Object throughFragment = reader.document("""
                query($id: ID!) { assessment(id: $id) { score { overall ...Levels } } }
                fragment Levels on AssessmentScore { level uncappedLevel }""")
                .variable("id", id)
                .execute()
                .path("assessment.score.uncappedLevel")
                .entity(Object.class)
                .get();

        assertThat(whole).isNotNull();
        assertThat(throughFragment).isEqualTo(whole);
    }

    @Test
    void aScoreOfStoredNumbersReadsNothingMoreThanTheAssessment() {
        for (String id : List.of(
                published.get("capped, provisional and not applicable"),
                unpublished.get("draft, capped, provisional and not applicable"))) {
            long assessmentAlone = statementsOf("query($id: ID!) { assessment(id: $id) { id status } }", id);
            long storedScore = statementsOf(scoreQuery(""), id);
            long computedScore = statementsOf(scoreQuery("remediationPriorities { code }"), id);

            assertThat(storedScore)
                    .as("a score of stored numbers beside the assessment alone")
                    .isEqualTo(assessmentAlone);
            assertThat(computedScore)
                    .as("a score that needs the whole result reads the whole assessment")
                    .isGreaterThan(storedScore);
        }
    }

    @Test
    void aDraftsStoredScoreFollowsEverySave() {
        String draft = unpublished.get("draft, capped, provisional and not applicable");
        Map<String, Object> before = scoreOf(draft, "");

        score(assessor, draft, "C3.2", 4, "HIGH");

        Map<String, Object> after = storedAndWhole(draft);
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void everyScoreFieldIsEitherStoredOrComputed() {
        GraphQLSchema schema = graphQlSource.schema();
        Set<String> fields = new HashSet<>(names(schema, "AssessmentScore", ""));
        fields.addAll(names(schema, "DimensionScore", "dimensions/"));

        Set<String> classified = new HashSet<>(ScoreView.STORED_FIELDS);
        classified.addAll(ScoreView.COMPUTED_FIELDS);
        assertThat(classified)
                .as("fields of AssessmentScore and DimensionScore, stored or computed")
                .isEqualTo(fields);
        assertThat(ScoreView.STORED_FIELDS).doesNotContainAnyElementsOf(ScoreView.COMPUTED_FIELDS);
    }

    private static Set<String> names(GraphQLSchema schema, String type, String prefix) {
        return schema.getObjectType(type).getFieldDefinitions().stream()
                .map(GraphQLFieldDefinition::getName)
                .map(name -> prefix + name)
                .collect(Collectors.toSet());
    }

    private static String scoreQuery(String extra) {
        return "query($id: ID!) { assessment(id: $id) { score { " + STORED_SCORE + " " + extra + " } } }";
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> scoreOf(String id, String extra) {
        return reader.document(scoreQuery(extra))
                .variable("id", id)
                .execute()
                .path("assessment.score")
                .entity(Map.class)
                .get();
    }

    /** Statements of one request, after a first identical request has warmed every cache. */
    private long statementsOf(String document, String id) {
        return counter.countWarmed(() -> reader.document(document)
                .variable("id", id)
                .execute()
                .path("assessment")
                .hasValue());
    }
}
