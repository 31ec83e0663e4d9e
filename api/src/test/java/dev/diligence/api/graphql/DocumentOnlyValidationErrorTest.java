package dev.diligence.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each kind of validation error whose graphql-java message names the schema, produced by
 * graphql-java itself on a small schema: the message graphql-java writes names something the
 * document did not (which shows the case is real), the rewritten one does not, and the kind, path
 * and locations are graphql-java's, and so is the message's prefix (the kind and the query path). Kinds that name only the document keep graphql-java's message.
 */
class DocumentOnlyValidationErrorTest {

    private static final GraphQLSchema SCHEMA = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse("""
            type Query { funds(first: Int, strategy: Strategy): FundConnection fund(id: ID!): Fund holding: Holding }
            type FundConnection { totalCount: Int nodes: [Fund] }
            type Fund { name: String vintageYear: Int }
            type Company { name: String employeeCount: Int }
            union Holding = Fund | Company
            input FundInput { name: String! strategy: Strategy }
            enum Strategy { BUYOUT VENTURE }
            type Mutation { createFund(input: FundInput!): Fund }
            """));

    /** {@code hidden}: names of the schema, separated by spaces, that graphql-java's message has and the rewritten one must not. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            FieldUndefined           | { funds { nodes { nam } } }                                                 | Fund
            WrongType                | { funds(strategy: GROWTH) { totalCount } }                                  | Strategy
            WrongType                | mutation { createFund(input: {strategy: BUYOUT}) { name } }                 | FundInput name
            MissingFieldArgument     | { fund { name } }                                                           | id
            MissingDirectiveArgument | { funds @include { totalCount } }                                           | if
            SubselectionRequired     | { funds }                                                                   | FundConnection
            SubselectionNotAllowed   | { funds { totalCount { x } } }                                              | Int
            FieldsConflict           | { holding { ... on Fund { x: name } ... on Company { x: employeeCount } } } | String Int
            VariableTypeMismatch     | query($n: String) { funds(first: $n) { totalCount } }                       | Int
            InvalidFragmentType      | { funds { nodes { ... on Company { name } } } }                             | Fund
            """)
    void namesNothingTheDocumentDidNotWrite(ValidationErrorType kind, String document, String hidden) {
        ValidationError original = onlyError(document);
        assertThat(original.getValidationErrorType()).isEqualTo(kind);
        assertThat(original.getMessage()).containsPattern(wholeWords(hidden));

        ValidationError rewritten = DocumentOnlyValidationError.of(original);

        String prefix = original.getMessage().substring(0, original.getMessage().indexOf(") : ") + ") : ".length());
        assertThat(prefix).startsWith("Validation error (" + kind);
        assertThat(rewritten.getMessage()).startsWith(prefix).doesNotContainPattern(wholeWords(hidden));
        assertThat(rewritten.getValidationErrorType()).isEqualTo(kind);
        assertThat(rewritten.getErrorType()).isEqualTo(ErrorType.ValidationError);
        assertThat(rewritten.getQueryPath()).isEqualTo(original.getQueryPath());
        assertThat(rewritten.getLocations()).isNotEmpty().isEqualTo(original.getLocations());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            UnknownArgument             | { funds(frist: 2) { totalCount } }           | frist
            UnknownType                 | query($f: Fnd) { funds(first: $f) { totalCount } } | Fnd
            UndefinedVariable           | { funds(first: $n) { totalCount } }          | n
            DuplicateArgumentNames      | { funds(first: 1, first: 2) { totalCount } } | first
            """)
    void keepsMessagesThatNameOnlyTheDocument(ValidationErrorType kind, String document, String written) {
        ValidationError original = onlyError(document);
        assertThat(original.getValidationErrorType()).isEqualTo(kind);

        assertThat(DocumentOnlyValidationError.of(original)).isSameAs(original);
        assertThat(original.getMessage()).contains("'" + written + "'");
    }

    private static ValidationError onlyError(String document) {
        List<ValidationError> errors = ParseAndValidate.parseAndValidate(SCHEMA, ExecutionInput.newExecutionInput(document).build())
                .getValidationErrors();
        assertThat(errors).as(document).hasSize(1);
        return errors.get(0);
    }

    /** Any of {@code names} (separated by spaces) as a whole word. */
    private static String wholeWords(String names) {
        return "\\b(" + String.join("|", names.split(" ")) + ")\\b";
    }
}
