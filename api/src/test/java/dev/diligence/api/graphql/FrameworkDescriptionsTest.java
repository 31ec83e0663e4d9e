package dev.diligence.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Definition;
import graphql.language.Description;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The schema's descriptions that state rules of the framework say what docs/framework.md says (its
 * "Settled edge cases"). Read from the schema module's sources, which {@code ServedSchemaIT} keeps
 * equal to what is served.
 */
class FrameworkDescriptionsTest {

    private static final String GATE = "a level of 3 or 4 with LOW confidence or without evidence counts as 2";
    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    @BeforeAll
    static void readTheSchemaSources() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls");
        assertThat(files).hasSizeGreaterThan(10);
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                Document document = Parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                for (Definition<?> definition : document.getDefinitions()) {
                    if (definition instanceof ObjectTypeDefinition type) {
                        for (FieldDefinition field : type.getFieldDefinitions()) {
                            put(type.getName() + "." + field.getName(), field.getDescription());
                        }
                    } else if (definition instanceof InputObjectTypeDefinition input) {
                        for (InputValueDefinition field : input.getInputValueDefinitions()) {
                            put(input.getName() + "." + field.getName(), field.getDescription());
                        }
                    }
                }
            }
        }
    }

    private static void put(String coordinate, Description description) {
        if (description != null) {
            DESCRIPTIONS.merge(coordinate, description.getContent().replaceAll("\\s+", " "), (a, b) -> a + " " + b);
        }
    }

    @Test
    @DisplayName("Clarification 1: every description of how a gated level counts states the gate exactly")
    void clarification1TheGateIsDescribedAsItIs() {
        assertThat(DESCRIPTIONS.get("CriterionResult.effectiveLevel"))
                .contains(GATE)
                .contains("every other scored level counts as recorded");
        assertThat(DESCRIPTIONS.get("CriterionResult.gated"))
                .contains("3 or 4 with LOW confidence or without evidence");
        Map<String, String> countsAs = new LinkedHashMap<>();
        DESCRIPTIONS.forEach((coordinate, text) -> {
            if (text.contains("counts as")) {
                countsAs.put(coordinate, text);
            }
        });
        assertThat(countsAs)
                .containsKeys(
                        "CriterionResult.effectiveLevel",
                        "HeatmapCell.effectiveLevel",
                        "ComparedCriterion.effectiveLevel")
                .allSatisfy(
                        (coordinate, text) -> assertThat(text).as(coordinate).contains(GATE));
    }

    @Test
    @DisplayName(
            "Clarification 2: a company's open findings are described as counting every assessment, one assessment's apart")
    void clarification2OpenFindingsAreDescribedAlike() {
        assertThat(DESCRIPTIONS.get("Company.openFindings")).contains("every one of its assessments");
        assertThat(DESCRIPTIONS.get("PortfolioCompany.openFindings"))
                .contains("every one of its assessments")
                .contains("same count as `Company.openFindings`");
        assertThat(DESCRIPTIONS.get("Assessment.openFindings")).contains("this assessment alone");
    }

    @Test
    @DisplayName("Clarification 4: the remediation ranking's description states its total order")
    void clarification4TheRankingIsDescribed() {
        assertThat(DESCRIPTIONS.get("Portfolio.remediation"))
                .contains("remediation priority descending, then gap descending, then company "
                        + "name ascending ignoring case, then criterion code ascending, then company ID");
    }

    @Test
    @DisplayName("Clarification 5: levelCappedBy is described as the lowest-numbered rule whose cap lowered the level")
    void clarification5TheCapNamedIsDescribed() {
        assertThat(DESCRIPTIONS.get("AssessmentScore.levelCappedBy"))
                .contains("lowest-numbered")
                .contains("Null when no cap lowered the level");
        assertThat(DESCRIPTIONS.get("AssessmentScore.uncappedLevel")).contains("under RF1 too");
        assertThat(DESCRIPTIONS.get("RedFlag.effects")).contains("whenever it fires");
    }

    @Test
    @DisplayName("Clarification 9: the weight input describes places as counted without trailing zeros")
    void clarification9WeightsAreDescribed() {
        assertThat(DESCRIPTIONS.get("FrameworkWeightInput.weight"))
                .contains("at most 4 decimal places once trailing zeros are removed");
    }
}
