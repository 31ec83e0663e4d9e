package dev.diligence.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.execution.UnknownOperationException;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of validation error whose graphql-java message names the schema, and each way variable
 * values can fail to fit their declared types, produced by graphql-java itself on a small schema: the message graphql-java writes names something the
 * document did not (which shows the case is real), the rewritten one does not, and the kind, path
 * and locations are graphql-java's, and so is the message's prefix (the kind and the query path). Kinds that name only the document keep graphql-java's message.
 */
class DocumentOnlyValidationErrorTest {

    private static final GraphQLSchema SCHEMA =
            UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse("""
            type Query { funds(first: Int, strategy: Strategy): FundConnection fund(id: ID!): Fund holding: Holding }
            type FundConnection { totalCount: Int nodes: [Fund] }
            type Fund { name: String vintageYear: Int }
            type Company { name: String employeeCount: Int }
            union Holding = Fund | Company
            input FundInput { name: String! strategy: Strategy vintageYear: Int }
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

        ValidationError rewritten = (ValidationError) DocumentOnlyValidationError.of(original);

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

    static Stream<Arguments> variableValuesThatDoNotFit() {
        return Stream.of(
                Arguments.of(Map.of("name", "x", "strategy", "GROWTH"), "Strategy"),
                Arguments.of(Map.of("strategy", "BUYOUT"), "name String"),
                Arguments.of(Map.of("name", "x", "vintageYear", "old"), "Int"),
                Arguments.of(Map.of("name", "x", "size", 1), "size"));
    }

    /**
     * {@code hidden}: names, separated by spaces, that graphql-java's message has and the rewritten one must
     * not: of the schema, or (for a field the schema does not have) of the variable's own value.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("variableValuesThatDoNotFit")
    void variableValuesNameNothingTheDocumentDidNotWrite(Map<String, Object> input, String hidden) {
        GraphQLError original = onlyExecutionError(
                ExecutionInput.newExecutionInput("mutation($input: FundInput!) { createFund(input: $input) { name } }")
                        .variables(Map.of("input", input))
                        .build());
        assertThat(original.getErrorType()).isEqualTo(ErrorType.ValidationError);
        assertThat(original.getMessage()).containsPattern(wholeWords(hidden));

        GraphQLError rewritten = DocumentOnlyValidationError.of(original);

        assertThat(rewritten.getMessage())
                .isEqualTo("The value of a variable does not fit the type the document declares for it");
        assertThat(rewritten.getErrorType()).isEqualTo(ErrorType.ValidationError);
        assertThat(rewritten.getLocations()).isEqualTo(original.getLocations());
    }

    @Test
    void anUnknownOperationNameAndErrorsOfOtherClassificationsStayAsTheyAre() {
        GraphQLError unknownOperation =
                onlyExecutionError(ExecutionInput.newExecutionInput("query Funds { funds { totalCount } }")
                        .operationName("Fonds")
                        .build());
        assertThat(unknownOperation).isInstanceOf(UnknownOperationException.class);
        assertThat(DocumentOnlyValidationError.of(unknownOperation)).isSameAs(unknownOperation);

        GraphQLError dataFetching = GraphQLError.newError()
                .errorType(ErrorType.DataFetchingException)
                .message("Fund 'x' failed")
                .build();
        assertThat(DocumentOnlyValidationError.of(dataFetching)).isSameAs(dataFetching);
    }

    private static GraphQLError onlyExecutionError(ExecutionInput input) {
        List<GraphQLError> errors =
                GraphQL.newGraphQL(SCHEMA).build().execute(input).getErrors();
        assertThat(errors).as(input.getQuery()).hasSize(1);
        return errors.get(0);
    }

    private static ValidationError onlyError(String document) {
        List<ValidationError> errors = ParseAndValidate.parseAndValidate(
                        SCHEMA, ExecutionInput.newExecutionInput(document).build())
                .getValidationErrors();
        assertThat(errors).as(document).hasSize(1);
        return errors.get(0);
    }

    /** Any of {@code names} (separated by spaces) as a whole word. */
    private static String wholeWords(String names) {
        return "\\b(" + String.join("|", names.split(" ")) + ")\\b";
    }
}
