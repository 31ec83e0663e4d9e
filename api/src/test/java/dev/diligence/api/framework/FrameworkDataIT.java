package dev.diligence.api.framework;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.domain.framework.Criterion;
import dev.diligence.domain.framework.Dimension;
import dev.diligence.domain.framework.FrameworkV1;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.framework.MaturityLevel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Framework version 1 is data loaded by a migration; what the API serves must be exactly the
 * domain's FrameworkV1 (names, weights as exact decimals, every level descriptor, every reference),
 * so the stored data and the scoring engine can never drift apart.
 */
class FrameworkDataIT extends ApiIntegrationTest {

    private static final String FRAMEWORK = """
            query($v: Int!) {
              framework(version: $v) {
                version baseVersion derived redFlagRuleSet
                dimensions { code name weight criteria { code name weight levels { level name description } references { standard clause citation } } }
              }
            }""";

    @Test
    @SuppressWarnings("unchecked")
    void servesVersionOneExactlyAsTheDomainDefinesIt() {
        GraphQlTester reader = graphQl(usersOf(newTenant("framework")).assessor());
        Map<String, Object> served = reader.document(FRAMEWORK)
                .variable("v", 1)
                .execute()
                .path("framework")
                .entity(Map.class)
                .get();
        FrameworkVersion expected = FrameworkV1.VERSION;

        assertThat(served)
                .containsEntry("version", 1)
                .containsEntry("baseVersion", 1)
                .containsEntry("derived", false)
                .containsEntry("redFlagRuleSet", expected.redFlagRuleSet().value());
        List<Map<String, Object>> dimensions = (List<Map<String, Object>>) served.get("dimensions");
        assertThat(dimensions).extracting(d -> d.get("code")).containsExactly("D1", "D2", "D3", "D4");
        for (int d = 0; d < expected.dimensions().size(); d++) {
            Dimension dimension = expected.dimensions().get(d);
            Map<String, Object> servedDimension = dimensions.get(d);
            assertThat(servedDimension.get("name")).isEqualTo(dimension.name());
            assertThat(new BigDecimal(servedDimension.get("weight").toString()))
                    .isEqualByComparingTo(dimension.weight());
            List<Map<String, Object>> criteria = (List<Map<String, Object>>) servedDimension.get("criteria");
            assertThat(criteria).hasSameSizeAs(dimension.criteria());
            for (int c = 0; c < dimension.criteria().size(); c++) {
                assertCriterion(criteria.get(c), dimension.criteria().get(c));
            }
        }
    }

    @Test
    void listsTheVersionsAndAnswersNullForAnUnknownOne() {
        GraphQlTester reader = graphQl(usersOf(newTenant("framework-list")).fundManager());
        reader.document("{ frameworks { version dimensions { criteria { code } } } }")
                .execute()
                .path("frameworks[*].version")
                .entityList(Integer.class)
                .containsExactly(1)
                .path("frameworks[0].dimensions[*].criteria[*].code")
                .entityList(String.class)
                .hasSize(14);
        reader.document(FRAMEWORK).variable("v", 99).execute().path("framework").valueIsNull();
    }

    @Test
    void platformAdministratorsReadNothingInsideAFirm() {
        graphQl(platformAdminToken())
                .document("{ frameworks { version } }")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error ->
                                assertThat(error.getErrorType().toString()).isEqualTo("FORBIDDEN")));
    }

    @SuppressWarnings("unchecked")
    private static void assertCriterion(Map<String, Object> served, Criterion criterion) {
        assertThat(served.get("code")).isEqualTo(criterion.code());
        assertThat(served.get("name")).isEqualTo(criterion.name());
        assertThat(new BigDecimal(served.get("weight").toString()))
                .as(criterion.code())
                .isEqualByComparingTo(criterion.weight());
        List<Map<String, Object>> levels = (List<Map<String, Object>>) served.get("levels");
        assertThat(levels)
                .extracting(level -> level.get("description"))
                .as(criterion.code() + " descriptors")
                .containsExactlyElementsOf(criterion.descriptors().byLevel());
        assertThat(levels)
                .extracting(level -> level.get("name"))
                .containsExactlyElementsOf(List.of(MaturityLevel.values()).stream()
                        .map(MaturityLevel::label)
                        .toList());
        List<Map<String, Object>> references = (List<Map<String, Object>>) served.get("references");
        assertThat(references)
                .extracting(reference -> reference.get("citation"))
                .as(criterion.code() + " references")
                .containsExactlyElementsOf(criterion.references().stream()
                        .map(reference -> reference.citation())
                        .toList());
    }
}
