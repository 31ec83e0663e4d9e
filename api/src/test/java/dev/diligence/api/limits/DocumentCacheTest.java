package dev.diligence.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ProductSchema;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

/**
 * The document cache inside a real graphql-java engine on the product's schema, with the limits at
 * their defaults: a document is parsed and validated once and answers as it did the first time; a
 * document a limit refuses, or with syntax or validation errors, is never kept and is refused every
 * time; the cost of a kept document follows each request's variables; the cache stays within its size.
 * Resolvers are graphql-java's defaults, reading the root value that a test passes.
 */
class DocumentCacheTest {

    private static final String FUNDS_WITH_HOLDINGS = """
            query($funds: Int, $holdings: Int) {
              funds(first: $funds) { nodes { name holdings(first: $holdings) { nodes { company { name } } } } }
            }""";

    private final AtomicInteger parsed = new AtomicInteger();
    private final DocumentCache cache = new DocumentCache(DataSize.ofMegabytes(1));
    private final GraphQL graphQl = engine(cache);

    @Test
    void aKeptDocumentAnswersAsItDidWhenItWasParsed() {
        String document = "query($first: Int) { funds(first: $first) { totalCount nodes { name } } }";
        Map<String, Object> root =
                Map.of("funds", Map.of("totalCount", 2, "nodes", List.of(Map.of("name", "A"), Map.of("name", "B"))));

        ExecutionResult miss = execute(document, Map.of("first", 10), null, root);
        ExecutionResult hit = execute(document, Map.of("first", 10), null, root);

        assertThat(miss.getErrors()).isEmpty();
        assertThat(miss.<Map<String, Object>>getData()).isEqualTo(Map.of("funds", root.get("funds")));
        assertThat(hit.toSpecification()).isEqualTo(miss.toSpecification());
        assertThat(cost(hit)).containsEntry("requestedQueryCost", 2L + 10).containsEntry("actualQueryCost", 2L + 2);
        assertThat(parsed).hasValue(1);
        assertThat(cache.holds(document)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MAX_TOKENS_EXCEEDED        | 1005 | { viewer { ${subject x 1000} } }
            MAX_DEPTH_EXCEEDED         | 11   | { funds { nodes { holdings { nodes { fund { holdings { nodes { fund { holdings { nodes { id } } } } } } } } } } }
            MAX_ALIASES_EXCEEDED       | 16   | { viewer { ${alias x 16} } }
            MAX_ROOT_FIELDS_EXCEEDED   | 11   | { ${root x 11} }
            MAX_FIELD_REPEATS_EXCEEDED | 11   | { viewer { ${subject x 11} } }
            MAX_DIRECTIVES_EXCEEDED    | 5    | { viewer @include(if: true) @include(if: true) @skip(if: false) @skip(if: false) @include(if: true) { subject } }
            """)
    void aDocumentALimitRefusesIsRefusedEveryTimeItIsSentAndNeverKept(
            String classification, long actual, String template) {
        String document = expand(template);

        for (int sent = 1; sent <= 3; sent++) {
            ExecutionResult result = execute(document, Map.of(), null, null);
            assertThat(result.isDataPresent()).isFalse();
            assertThat(result.getErrors()).singleElement().satisfies(error -> {
                assertThat(error.getErrorType()).hasToString(classification);
                assertThat(error.getExtensions()).containsEntry("actual", actual);
            });
        }
        assertThat(cache.holds(document)).isFalse();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aKeptDocumentAboveTheCostLimitIsRefusedEveryTime() {
        String document = "{ funds(first: 100) { nodes { holdings(first: 100) { nodes { company { name } } } } } }";

        for (int sent = 1; sent <= 3; sent++) {
            ExecutionResult result = execute(document, Map.of(), null, null);
            assertThat(result.isDataPresent()).isFalse();
            assertThat(result.getErrors())
                    .singleElement()
                    .satisfies(
                            error -> assertThat(error.getErrorType()).isEqualTo(LimitClassification.MAX_COST_EXCEEDED));
            assertThat(cost(result)).containsEntry("requestedQueryCost", 2L + 100 * (1 + 2 + 100 * 2));
        }
        // it parsed and validated: kept, and refused by the cost of its plan each time
        assertThat(cache.holds(document)).isTrue();
        assertThat(parsed).hasValue(1);
    }

    @Test
    void aKeptDocumentIsCostedWithEachRequestsVariables() {
        assertCost(FUNDS_WITH_HOLDINGS, Map.of("funds", 100, "holdings", 20), 2 + 100 * (1 + 2 + 20 * (1 + 1)));
        assertRefusedForCost(
                FUNDS_WITH_HOLDINGS, Map.of("funds", 100, "holdings", 100), 2 + 100 * (1 + 2 + 100 * (1 + 1)));
        assertCost(FUNDS_WITH_HOLDINGS, Map.of("funds", 7, "holdings", 3), 2 + 7 * (1 + 2 + 3 * (1 + 1)));
        // a variable not sent: the default page of 20
        assertCost(FUNDS_WITH_HOLDINGS, Map.of("funds", 7), 2 + 7 * (1 + 2 + 20 * (1 + 1)));
        Map<String, Object> sentAsNull = new HashMap<>();
        sentAsNull.put("funds", 7);
        sentAsNull.put("holdings", null);
        assertCost(FUNDS_WITH_HOLDINGS, sentAsNull, 2 + 7 * (1 + 2 + 20 * (1 + 1)));
        // the plans made for the first values serve again
        assertCost(FUNDS_WITH_HOLDINGS, Map.of("funds", 100, "holdings", 20), 2 + 100 * (1 + 2 + 20 * (1 + 1)));
        assertRefusedForCost(
                FUNDS_WITH_HOLDINGS, Map.of("funds", 100, "holdings", 100), 2 + 100 * (1 + 2 + 100 * (1 + 1)));

        assertThat(parsed).hasValue(1);
        assertThat(cache.cached(FUNDS_WITH_HOLDINGS).plans()).isEqualTo(5);
    }

    @Test
    void skipAndIncludeDecideTheCostOfAKeptDocument() {
        String document = """
                query($deep: Boolean!, $flat: Boolean = false) {
                  funds(first: 100) { nodes { name holdings(first: 100) @include(if: $deep) { nodes { company { name } } } } }
                  companies(first: 10) @skip(if: $flat) { nodes { name } }
                }""";

        Map<String, Object> flatByDefault = Map.of("deep", false, "flat", false);
        assertCost(document, Map.of("deep", false), flatByDefault, 2 + 100 + 2 + 10);
        assertRefusedForCost(document, Map.of("deep", true), 2 + 100 * (1 + 2 + 100 * 2) + 2 + 10);
        assertCost(document, Map.of("deep", false, "flat", true), 2 + 100);
        assertCost(document, Map.of("deep", false), flatByDefault, 2 + 100 + 2 + 10);
        assertThat(parsed).hasValue(1);
    }

    @Test
    void variablesTheCostDoesNotReadShareOnePlan() {
        String document =
                "query($id: ID!, $after: String) { node(id: $id) { id } funds(first: 10, after: $after) { nodes { name } } }";

        for (String id : List.of("a", "b", "c")) {
            assertCost(document, Map.of("id", id, "after", "cursor-" + id), 1 + 2 + 10);
        }
        assertThat(cache.cached(document).plans()).isOne();
    }

    @Test
    void aMutationWhoseInputsAreVariablesIsCostedForEachRequest() {
        String document = "mutation($input: CreateCompanyInput!) { createCompany(input: $input) { company { id } } }";

        assertCost(document, Map.of("input", company(2)), 10 + 2 + 1);
        assertCost(document, Map.of("input", company(5)), 10 + 5 + 1);
        assertCost(document, Map.of("input", company(0)), 10 + 1);
        assertThat(cache.cached(document).plans()).isZero();
        assertThat(parsed).hasValue(1);
    }

    @Test
    void eachOperationOfAKeptDocumentRunsByItsName() {
        String document =
                "query Viewer { viewer { subject } } query Funds($first: Int) { funds(first: $first) { nodes { name } } }";

        assertThat(cost(execute(document, Map.of(), "Viewer", null))).containsEntry("requestedQueryCost", 1L);
        assertThat(cost(execute(document, Map.of("first", 5), "Funds", null)))
                .containsEntry("requestedQueryCost", 2L + 5);
        assertThat(cost(execute(document, Map.of(), "Viewer", null))).containsEntry("requestedQueryCost", 1L);
        for (int sent = 1; sent <= 2; sent++) {
            assertThat(execute(document, Map.of(), "Nope", null).getErrors())
                    .singleElement()
                    .satisfies(error -> assertThat(error.getErrorType()).hasToString("ValidationError"));
            assertThat(execute(document, Map.of(), null, null).getErrors())
                    .singleElement()
                    .satisfies(error -> assertThat(error.getErrorType()).hasToString("ValidationError"));
        }
        assertThat(parsed).hasValue(1);
        assertThat(cache.cached(document).plans()).isEqualTo(2);
    }

    @Test
    void syntaxAndValidationErrorsAreNeverKept() {
        String unparsable = "{ funds {";
        String invalid = "{ funds { nodes { nam } } }";

        for (int sent = 1; sent <= 2; sent++) {
            assertThat(execute(unparsable, Map.of(), null, null).getErrors())
                    .singleElement()
                    .satisfies(error -> assertThat(error.getErrorType()).hasToString("InvalidSyntax"));
            assertThat(execute(invalid, Map.of(), null, null).getErrors())
                    .singleElement()
                    .satisfies(error -> assertThat(error.getErrorType()).hasToString("ValidationError"));
        }
        assertThat(parsed).hasValue(4);
        assertThat(cache.holds(unparsable)).isFalse();
        assertThat(cache.holds(invalid)).isFalse();
        // variables of the wrong type are graphql-java's check at execution, on every request
        String typed = "query($first: Int) { funds(first: $first) { nodes { name } } }";
        assertAdmitted(execute(typed, Map.of("first", 3), null, null));
        assertThat(execute(typed, Map.of("first", "three"), null, null).getErrors())
                .singleElement()
                .satisfies(error -> assertThat(error.getErrorType()).hasToString("ValidationError"));
    }

    @Test
    void theCacheWeighsADocumentAndItsPlans() {
        String document =
                "query($first: Int) { funds(first: $first) { nodes { name holdings(first: 2) { nodes { id } } } } }";

        execute(document, Map.of("first", 1), null, null);
        execute(document, Map.of("first", 2), null, null);

        // funds, its nodes, holdings and its nodes: four fields that cost something, in each of the two plans
        long expected = document.length()
                + (long) DocumentCache.BYTES_PER_TOKEN * TokenCounter.count(document)
                + 2L * 4 * CachedDocument.BYTES_PER_PLAN_FIELD;
        assertThat(cache.weight()).isEqualTo(expected);
    }

    @Test
    void theCacheKeepsNoMoreThanItsSize() {
        DataSize size = DataSize.ofKilobytes(32);
        DocumentCache small = new DocumentCache(size);
        GraphQL engine = engine(small);
        List<String> documents = IntStream.range(0, 200)
                .mapToObj(i -> "{ a" + i + ": viewer { subject name } }")
                .toList();

        documents.forEach(document -> assertAdmitted(execute(engine, document, Map.of(), null, null)));

        assertThat(small.weight()).isPositive().isLessThanOrEqualTo(size.toBytes());
        assertThat(small.size()).isBetween(1L, 199L);
        assertThat(parsed).hasValue(200);
    }

    @Test
    void aCacheOfSizeZeroKeepsNothing() {
        DocumentCache none = new DocumentCache(DataSize.ofBytes(0));
        GraphQL engine = engine(none);

        for (int sent = 1; sent <= 2; sent++) {
            assertThat(cost(execute(engine, FUNDS_WITH_HOLDINGS, Map.of("funds", 3, "holdings", 2), null, null)))
                    .containsEntry("requestedQueryCost", 2L + 3 * (1 + 2 + 2 * 2));
        }
        assertThat(none.size()).isZero();
        assertThat(parsed).hasValue(2);
    }

    private void assertCost(String document, Map<String, Object> variables, long expected) {
        assertCost(document, variables, variables, expected);
    }

    /** @param coerced the variables with the defaults of the document, as graphql-java coerces them */
    private void assertCost(
            String document, Map<String, Object> variables, Map<String, Object> coerced, long expected) {
        ExecutionResult result = execute(document, variables, null, null);
        assertAdmitted(result);
        assertThat(cost(result)).as("cost of %s", variables).containsEntry("requestedQueryCost", expected);
        assertThat(expected)
                .as("the calculator on graphql-java's own normalized operation")
                .isEqualTo(new QueryCostCalculator(Map.of())
                        .requested(ProductSchema.operation(document, coerced), ProductSchema.SCHEMA));
    }

    /**
     * Executed: no limit refused it and it is valid. Resolvers of the product's schema without a root
     * value answer null, so non-null fields report errors of their own, which are not asserted here.
     */
    private static void assertAdmitted(ExecutionResult result) {
        assertThat(result.isDataPresent()).isTrue();
        assertThat(result.getErrors())
                .extracting(error -> error.getErrorType().toString())
                .allMatch(type -> type.equals("NullValueInNonNullableField"));
    }

    private void assertRefusedForCost(String document, Map<String, Object> variables, long expected) {
        ExecutionResult result = execute(document, variables, null, null);
        assertThat(result.isDataPresent()).isFalse();
        assertThat(result.getErrors())
                .extracting(GraphQLError::getErrorType)
                .containsExactly(LimitClassification.MAX_COST_EXCEEDED);
        assertThat(cost(result)).containsEntry("requestedQueryCost", expected);
    }

    private static Map<String, Object> company(int references) {
        return Map.of(
                "name",
                "C",
                "sector",
                "OTHER",
                "headquartersCountry",
                "DE",
                "stage",
                "SEED",
                "externalReferences",
                IntStream.range(0, references)
                        .mapToObj(i -> Map.of("source", "crm", "externalId", "id-" + i))
                        .toList());
    }

    /** {@code ${word x n}}: n copies of a selection. */
    private static String expand(String template) {
        String expanded = template;
        java.util.regex.Matcher matcher =
                java.util.regex.Pattern.compile("\\$\\{(\\w+) x (\\d+)}").matcher(template);
        while (matcher.find()) {
            int count = Integer.parseInt(matcher.group(2));
            String copies = IntStream.range(0, count)
                    .mapToObj(i -> switch (matcher.group(1)) {
                        case "alias" -> "a" + i + ": subject";
                        case "root" -> "r" + i + ": viewer { subject }";
                        default -> matcher.group(1);
                    })
                    .reduce((a, b) -> a + " " + b)
                    .orElseThrow();
            expanded = expanded.replace(matcher.group(), copies);
        }
        return expanded;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cost(ExecutionResult result) {
        return (Map<String, Object>) result.getExtensions().get("cost");
    }

    private ExecutionResult execute(String document, Map<String, Object> variables, String operationName, Object root) {
        return execute(graphQl, document, variables, operationName, root);
    }

    private static ExecutionResult execute(
            GraphQL engine, String document, Map<String, Object> variables, String operationName, Object root) {
        ExecutionInput.Builder input =
                ExecutionInput.newExecutionInput(document).variables(variables).operationName(operationName);
        if (root != null) {
            input.root(root);
        }
        return engine.execute(input.build());
    }

    /** The limits at their defaults (no caller: no rate limit), a parse counter, and {@code documents}. */
    private GraphQL engine(DocumentCache documents) {
        LimitsProperties limits = new LimitsProperties(
                10,
                5000,
                15,
                4,
                1000,
                10,
                10,
                DataSize.ofMegabytes(2),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                Map.of(),
                LimitsProperties.Rate.uniform(true, 10_000, 500, Duration.ofSeconds(1)),
                new LimitsProperties.Heavy(1, Duration.ZERO, Set.of(), 1_000_000));
        SimplePerformantInstrumentation countParses = new SimplePerformantInstrumentation() {
            @Override
            public InstrumentationContext<Document> beginParse(
                    InstrumentationExecutionParameters parameters, InstrumentationState state) {
                parsed.incrementAndGet();
                return null;
            }
        };
        LimitsInstrumentation limitsInstrumentation = new LimitsInstrumentation(
                limits, new HeavyOperationBulkhead(limits, new SimpleMeterRegistry()), Clock.systemUTC());
        return GraphQL.newGraphQL(ProductSchema.SCHEMA)
                .instrumentation(new ChainedInstrumentation(countParses, limitsInstrumentation))
                .preparsedDocumentProvider(documents)
                .build();
    }
}
