package dev.diligence.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.refusal.Refusal;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import graphql.introspection.IntrospectionDisabledError;
import graphql.language.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The classifications the API can answer form a closed set, and README's "Error classifications"
 * lists exactly that set: what {@link ClosedClassifications} keeps, what it maps graphql-java's own
 * to, and what {@link Refusal} gives every HTTP status a refusal can have.
 */
class ClassificationsTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z_]+)` \\|");

    @Test
    void theReadmeListsExactlyTheClassificationsTheCodeCanProduce() throws IOException {
        Set<String> produced = new TreeSet<>(ClosedClassifications.KEPT);
        ClosedClassifications.MAPPED.values().forEach(type -> produced.add(type.name()));
        produced.add(ClosedClassifications.closed(error(ErrorClassification.errorClassification("Unheard")))
                .getErrorType()
                .toString());
        IntStream.rangeClosed(400, 599).mapToObj(Refusal::classificationOf).forEach(produced::add);

        assertThat(readmeClassifications()).containsExactlyInAnyOrderElementsOf(produced);
    }

    @Test
    void graphqlJavasOwnClassificationsAreAnsweredWithinTheSet() {
        for (graphql.ErrorType type : graphql.ErrorType.values()) {
            String answered =
                    String.valueOf(ClosedClassifications.closed(error(type)).getErrorType());
            assertThat(ClosedClassifications.KEPT)
                    .as("%s is answered as %s", type, answered)
                    .contains(answered);
        }
        assertThat(ClosedClassifications.closed(error(graphql.ErrorType.ValidationError))
                        .getErrorType())
                .isEqualTo(graphql.ErrorType.ValidationError);
        assertThat(ClosedClassifications.closed(error(graphql.ErrorType.NullValueInNonNullableField))
                        .getErrorType()
                        .toString())
                .isEqualTo("INTERNAL_ERROR");
    }

    @Test
    void disabledIntrospectionIsABadRequestThatKeepsItsMessageAndPlace() {
        GraphQLError disabled = new IntrospectionDisabledError(new SourceLocation(1, 3));

        GraphQLError answered = ClosedClassifications.closed(disabled);

        assertThat(disabled.toSpecification().toString()).contains("IntrospectionDisabled");
        assertThat(answered.toSpecification())
                .containsEntry("message", disabled.getMessage())
                .containsEntry("extensions", Map.of("classification", "BAD_REQUEST"));
        assertThat(answered.getLocations()).isEqualTo(disabled.getLocations());
    }

    @Test
    void refusalsOfUnlistedStatusesAreBadRequestsOrInternalErrors() {
        assertThat(Refusal.classificationOf(404)).isEqualTo("BAD_REQUEST");
        assertThat(Refusal.classificationOf(413)).isEqualTo("BAD_REQUEST");
        assertThat(Refusal.classificationOf(505)).isEqualTo("INTERNAL_ERROR");
        assertThat(Refusal.classificationOf(401)).isEqualTo("UNAUTHORIZED");
    }

    private static GraphQLError error(ErrorClassification type) {
        return GraphqlErrorBuilder.newError()
                .message("m")
                .path(ResultPath.parse("/funds"))
                .errorType(type)
                .build();
    }

    /** The first column of the table under README's "### Error classifications". */
    private static List<String> readmeClassifications() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve("README.md"))) {
            root = root.getParent();
        }
        assertThat(root)
                .as("a directory above the working directory holding README.md")
                .isNotNull();
        String readme = Files.readString(root.resolve("README.md"));
        int start = readme.indexOf("### Error classifications");
        assertThat(start).as("README section 'Error classifications'").isNotNegative();
        String section = readme.substring(start, readme.indexOf("\n#", start + 1));
        return Arrays.stream(section.split("\n"))
                .map(ROW::matcher)
                .filter(Matcher::find)
                .map(row -> row.group(1))
                .toList();
    }
}
