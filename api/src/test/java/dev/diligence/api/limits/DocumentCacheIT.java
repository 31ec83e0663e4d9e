package dev.diligence.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import graphql.introspection.Introspection;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The document cache through the API: a document is parsed and validated once and answers as it did
 * the first time, for any caller and with each request's variables; a document any limit refuses,
 * one that does not parse and one that does not validate are never kept and are answered the same
 * on every send; introspection stays off for a kept document. Every document here is new to the
 * application (a comment with a random ID), so that other tests cannot have sent it before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentCacheIT extends ApiIntegrationTest {

    @Autowired
    private DocumentCache documents;

    private GraphQlRequests requests;
    private String admin;
    private String otherFirmsAdmin;
    private String fund;

    @BeforeAll
    void twoFirmsWithAFundEach() {
        requests = new GraphQlRequests(http());
        admin = usersOf(newTenant("cache")).tenantAdmin();
        otherFirmsAdmin = usersOf(newTenant("cache-other")).tenantAdmin();
        fund = CompanyFixtures.createFund(graphQl(admin), "Cached fund");
        CompanyFixtures.createFund(graphQl(otherFirmsAdmin), "Other firm's fund");
    }

    @Test
    void aKeptDocumentAnswersAsItDidTheFirstTimeForEachCallerWithTheirOwnData() {
        String document = unique("query Funds($first: Int) { funds(first: $first) { totalCount nodes { id name } } }");

        String first = body(admin, document, Map.of("first", 10), null);
        assertThat(documents.holds(document)).isTrue();
        String again = body(admin, document, Map.of("first", 10), null);
        String otherFirm = body(otherFirmsAdmin, document, Map.of("first", 10), null);

        assertThat(withoutBucket(again)).isEqualTo(withoutBucket(first));
        assertThat(JsonPath.<List<String>>read(first, "$.data.funds.nodes[*].name"))
                .containsExactly("Cached fund");
        assertThat(JsonPath.<List<String>>read(first, "$.data.funds.nodes[*].id"))
                .containsExactly(fund);
        assertThat(JsonPath.<List<String>>read(otherFirm, "$.data.funds.nodes[*].name"))
                .containsExactly("Other firm's fund");
        assertThat(JsonPath.<Integer>read(first, "$.extensions.cost.requestedQueryCost"))
                .isEqualTo(2 + 10);
        assertThat(JsonPath.<Integer>read(first, "$.extensions.cost.actualQueryCost"))
                .isEqualTo(2 + 1);
    }

    @Test
    void aDocumentALimitRefusesIsRefusedOnEverySendAndNeverKept() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("MAX_TOKENS_EXCEEDED", "{ viewer { " + "subject ".repeat(1000) + "} }");
        refused.put(
                "MAX_DEPTH_EXCEEDED",
                "{ funds { nodes { holdings { nodes { fund { holdings { nodes { fund { holdings { nodes { id } } } } } } } } } } }");
        refused.put("MAX_ALIASES_EXCEEDED", "{ viewer { " + repeat(16, i -> "a" + i + ": subject") + " } }");
        refused.put("MAX_ROOT_FIELDS_EXCEEDED", "{ " + repeat(11, i -> "r" + i + ": viewer { subject }") + " }");
        refused.put("MAX_FIELD_REPEATS_EXCEEDED", "{ viewer { " + "subject ".repeat(11) + "} }");
        refused.put(
                "MAX_DIRECTIVES_EXCEEDED",
                "{ viewer @include(if: true) @include(if: true) @skip(if: false) @skip(if: false) @include(if: true) { subject } }");

        refused.forEach((classification, template) -> {
            String document = unique(template);
            for (int sent = 1; sent <= 2; sent++) {
                String body = body(admin, document, Map.of(), null);
                assertThat(JsonPath.<Object>read(body, "$.errors[0].extensions.classification"))
                        .as(classification + ", send " + sent)
                        .isEqualTo(classification);
                assertThat(JsonPath.<Integer>read(body, "$.errors.length()")).isOne();
                assertThat(body).doesNotContain("\"data\"");
            }
            assertThat(documents.holds(document)).as(classification).isFalse();
        });
    }

    @Test
    void aKeptDocumentIsCostedWithEachRequestsVariables() {
        String document = unique("""
                query($funds: Int, $holdings: Int) {
                  funds(first: $funds) { nodes { name holdings(first: $holdings) { nodes { company { name } } } } }
                }""");

        assertCost(document, 100, 20, 2 + 100 * (1 + 2 + 20 * (1 + 1)));
        assertRefusedForCost(document, 100, 100, 2 + 100 * (1 + 2 + 100 * (1 + 1)));
        assertCost(document, 98, 24, 5000);
        assertRefusedForCost(document, 99, 24, 2 + 99 * (1 + 2 + 24 * (1 + 1)));
        assertCost(document, 100, 20, 2 + 100 * (1 + 2 + 20 * (1 + 1)));
        assertRefusedForCost(document, 100, 100, 2 + 100 * (1 + 2 + 100 * (1 + 1)));
        assertThat(documents.cached(document).plans()).isEqualTo(4);
    }

    @Test
    void eachOperationOfAKeptDocumentRunsByItsName() {
        String document = unique(
                "query Viewer { viewer { subject } } query Funds($first: Int) { funds(first: $first) { nodes { name } } }");

        for (int sent = 1; sent <= 2; sent++) {
            String viewer = body(admin, document, Map.of(), "Viewer");
            assertThat(JsonPath.<String>read(viewer, "$.data.viewer.subject")).isNotEmpty();
            assertThat(viewer).doesNotContain("\"funds\"");
            String funds = body(admin, document, Map.of("first", 5), "Funds");
            assertThat(JsonPath.<List<String>>read(funds, "$.data.funds.nodes[*].name"))
                    .containsExactly("Cached fund");
            assertThat(JsonPath.<Integer>read(funds, "$.extensions.cost.requestedQueryCost"))
                    .isEqualTo(2 + 5);
            String unnamed = body(admin, document, Map.of(), null);
            assertThat(JsonPath.<Object>read(unnamed, "$.errors[0].extensions.classification"))
                    .isEqualTo("ValidationError");
        }
        assertThat(documents.holds(document)).isTrue();
    }

    @Test
    void documentsThatDoNotParseOrValidateAreAnsweredTheSameEveryTimeAndNeverKept() {
        String unparsable = unique("{ funds {");
        String invalid = unique("{ funds { nodes { nam } } }");

        for (int sent = 1; sent <= 2; sent++) {
            assertThat(JsonPath.<Object>read(
                            body(admin, unparsable, Map.of(), null), "$.errors[0].extensions.classification"))
                    .isEqualTo("InvalidSyntax");
            String body = body(admin, invalid, Map.of(), null);
            assertThat(JsonPath.<Object>read(body, "$.errors[0].extensions.classification"))
                    .isEqualTo("ValidationError");
            // outside local development a validation error names nothing of the schema, kept or not
            assertThat(JsonPath.<String>read(body, "$.errors[0].message")).endsWith("The field is undefined");
        }
        assertThat(documents.holds(unparsable)).isFalse();
        assertThat(documents.holds(invalid)).isFalse();
    }

    /**
     * The application's per-request switch refuses introspection at execution, for a kept document as
     * for a new one (graphql-java's JVM-wide switch, which Spring Boot turns off, is turned on meanwhile
     * to see past it, as in {@code HttpHygieneIT}).
     */
    @Test
    void introspectionStaysOffForAKeptDocument() {
        String document = unique("{ __schema { queryType { name } } }");
        boolean jvmWide = Introspection.enabledJvmWide(true);
        try {
            for (int sent = 1; sent <= 2; sent++) {
                String body = body(admin, document, Map.of(), null);
                assertThat(JsonPath.<Object>read(body, "$.errors[0].extensions.classification"))
                        .isEqualTo("BAD_REQUEST");
                assertThat(body).doesNotContain("\"data\"").doesNotContain("queryType");
            }
        } finally {
            Introspection.enabledJvmWide(jvmWide);
        }
        // it is a valid document: kept, and refused at execution each time
        assertThat(documents.holds(document)).isTrue();
    }

    private void assertCost(String document, int funds, int holdings, int cost) {
        String body = body(admin, document, Map.of("funds", funds, "holdings", holdings), null);
        assertThat(body).doesNotContain("\"errors\"");
        assertThat(JsonPath.<List<String>>read(body, "$.data.funds.nodes[*].name"))
                .containsExactly("Cached fund");
        assertThat(JsonPath.<Integer>read(body, "$.extensions.cost.requestedQueryCost"))
                .isEqualTo(cost);
    }

    private void assertRefusedForCost(String document, int funds, int holdings, int cost) {
        String body = body(admin, document, Map.of("funds", funds, "holdings", holdings), null);
        assertThat(JsonPath.<Object>read(body, "$.errors[0].extensions.classification"))
                .isEqualTo("MAX_COST_EXCEEDED");
        assertThat(JsonPath.<Integer>read(body, "$.errors[0].extensions.actual"))
                .isEqualTo(cost);
        assertThat(JsonPath.<Integer>read(body, "$.extensions.cost.requestedQueryCost"))
                .isEqualTo(cost);
        assertThat(body).doesNotContain("\"data\"");
    }

    private String body(String token, String document, Map<String, Object> variables, String operationName) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", document);
        request.put("variables", variables);
        if (operationName != null) {
            request.put("operationName", operationName);
        }
        byte[] body = requests.client()
                .post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The answer without the caller's bucket, which every request changes. */
    private static String withoutBucket(String body) {
        return body.replaceAll("\"throttleStatus\":\\{[^}]*}", "");
    }

    /** The document with a comment no other test sends. */
    private static String unique(String document) {
        return "# " + UUID.randomUUID() + "\n" + document;
    }

    private static String repeat(int count, java.util.function.IntFunction<String> selection) {
        return IntStream.range(0, count).mapToObj(selection).collect(Collectors.joining(" "));
    }
}
