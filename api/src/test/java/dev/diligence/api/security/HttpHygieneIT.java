package dev.diligence.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import graphql.introspection.Introspection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the GraphQL endpoint reveals and accepts outside local development (the default
 * configuration of the tests is not local): no introspection, no GraphiQL, no hints about field
 * names, no internals in any answer; operations only as a single JSON object over POST, so that
 * neither a link (GET) nor a plain HTML form (form-encoded, multipart, text/plain) nor a batch can
 * run one. Each rejected transport is checked against the database: the same mutation sent
 * properly does create a fund, the rejected one does not.
 */
class HttpHygieneIT extends ApiIntegrationTest {

    /** Traces of internals that no answer may contain (compared ignoring case). */
    private static final List<String> INTERNALS =
            List.of("exception", "at dev.", "org.", "java.", "sql", "select ", "hibernate", "jdbc");

    private static final String CREATE_FUND = "mutation { createFund(input: {name: \"Hygiene Fund\", vintageYear: 2020,"
            + " strategy: BUYOUT, currency: \"EUR\"}) { fund { id } userErrors { code } } }";

    private static String token;

    @LocalServerPort
    private int port;

    @BeforeAll
    static void aTenantAdmin() {
        token = usersOf(newTenant("hygiene")).tenantAdmin();
    }

    /**
     * Refused by the application's own per-request switch: Spring Boot also turns off graphql-java's
     * JVM-wide switch, so this test turns that one on while it runs to see past it.
     */
    @Test
    void rejectsIntrospection() {
        boolean jvmWide = Introspection.enabledJvmWide(true);
        try {
            assertThat(postJson(token, json("{ __schema { types { name } } }"), HttpStatus.OK))
                    .contains("\"classification\":\"BAD_REQUEST\"")
                    .doesNotContain("\"data\"")
                    .doesNotContain("FundConnection");
            assertThat(postJson(
                            token,
                            json("{ fund(id: \"x\") { id } __type(name: \"Fund\") { fields { name } } }"),
                            HttpStatus.OK))
                    .contains("\"classification\":\"BAD_REQUEST\"")
                    .doesNotContain("vintageYear");
        } finally {
            Introspection.enabledJvmWide(jvmWide);
        }
    }

    /** {@code __typename} is not introspection of the schema: clients need it for unions and interfaces. */
    @Test
    void stillAnswersTypeNames() {
        graphQl(token)
                .document("{ __typename viewer { __typename } }")
                .execute()
                .path("__typename")
                .entity(String.class)
                .isEqualTo("Query")
                .path("viewer.__typename")
                .entity(String.class)
                .isEqualTo("Viewer");
    }

    @Test
    void servesNoGraphiQl() {
        WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .build()
                .get()
                .uri("/graphiql")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void validationErrorsSuggestNoFieldNamesOrValues() {
        String body = postJson(
                token,
                json("{ viewer { subjec } funds(frist: 2, filter: {status: ACTIV}) { totalCont } }"),
                HttpStatus.OK);

        assertThat(body)
                .contains("ValidationError")
                .doesNotContainIgnoringCase("did you mean")
                .doesNotContain("subject")
                .doesNotContain("\"first\"")
                .doesNotContain("'first'")
                .doesNotContain("totalCount")
                .doesNotContain("ACTIVE")
                .doesNotContain("ARCHIVED");
    }

    /**
     * Validation errors name only what the document wrote, never a type, argument or enum value of
     * the schema that introspection would have shown; each keeps graphql-java's kind, the query path
     * (names from the document) and the location. One request per kind whose graphql-java message
     * names the schema.
     */
    @Test
    void validationErrorsNameOnlyWhatTheDocumentWrote() {
        assertValidationError("{ funds { nodes { nam } } }", "FieldUndefined", "funds/nodes/nam", 19, "Fund");
        assertValidationError("{ funds }", "SubselectionRequired", "funds", 3, "FundConnection");
        assertValidationError(
                "{ funds { totalCount { x } } }", "SubselectionNotAllowed", "funds/totalCount", 11, "Int");
        assertValidationError("{ portfolio { asOf } }", "MissingFieldArgument", "portfolio", 3, "fundId", "ID");
        assertValidationError(
                "{ funds @include { totalCount } }", "MissingDirectiveArgument", "funds", 9, "if", "Boolean");
        assertValidationError(
                CREATE_FUND.replace("BUYOUT", "BUY_OUT"),
                "WrongType",
                "createFund",
                23,
                "FundStrategy",
                "CreateFundInput",
                "VENTURE_CAPITAL",
                "BUYOUT");
        assertValidationError(
                "query($n: String) { funds(first: $n) { totalCount } }", "VariableTypeMismatch", "funds", 34, "Int");
        assertValidationError(
                "{ funds { nodes { ... on Company { name } } } }", "InvalidFragmentType", "funds/nodes", 19, "Fund");
        assertValidationError(
                "{ node(id: \"x\") { ... on Fund { x: name } ... on Company { x: employeeCount } } }",
                "FieldsConflict",
                "",
                33,
                "String",
                "Int");
    }

    /**
     * Variable values are checked against the schema's input types, which their errors do not name: neither the
     * enum of an input field nor a required input field and its type. The error points at the variable.
     */
    @Test
    void variableErrorsNameNoInputTypesOrFields() {
        String mutation = "mutation($input: CreateFundInput!) { createFund(input: $input) { fund { id } } }";
        List<String> inputs = List.of(
                "{\"name\": \"Variables\", \"vintageYear\": 2020, \"strategy\": \"NOPE\", \"currency\": \"EUR\"}",
                "{\"name\": \"Variables\", \"strategy\": \"BUYOUT\", \"currency\": \"EUR\"}");
        for (String input : inputs) {
            assertThat(postJson(token, json(mutation, "\"variables\": {\"input\": " + input + "}"), HttpStatus.OK))
                    .contains("\"classification\":\"ValidationError\"")
                    .contains("\"locations\":[{\"line\":1,\"column\":10}]")
                    .doesNotContain("\"data\"")
                    .doesNotContain("FundStrategy")
                    .doesNotContain("VENTURE_CAPITAL")
                    .doesNotContain("vintageYear")
                    .doesNotContainPattern("\\bInt\\b");
        }
    }

    /** A document that does not parse is answered with its own text only: the offending token and where it is. */
    @Test
    void parseErrorsQuoteOnlyTheDocument() {
        http().post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json("{ funds { nodes { name } } ]"))
                .exchange()
                .expectBody()
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("InvalidSyntax")
                .jsonPath("$.errors[0].locations[0].column")
                .isEqualTo(28)
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat((String) message)
                        .contains("']'")
                        .doesNotContainPattern("\\b(Fund|FundConnection|Query)\\b"));
    }

    @Test
    void answersRevealNoInternals() {
        List<String> answers = List.of(
                post(token, MediaType.APPLICATION_JSON, "{\"query\": ", HttpStatus.BAD_REQUEST),
                post(token, MediaType.APPLICATION_JSON, "\"{ viewer { subject } }\"", HttpStatus.BAD_REQUEST),
                post(token, MediaType.APPLICATION_JSON, "{\"variables\": {}}", HttpStatus.BAD_REQUEST),
                post(token, MediaType.APPLICATION_JSON, "{\"query\": 42}", HttpStatus.OK),
                post(
                        token,
                        MediaType.APPLICATION_XML,
                        "<query>{ viewer { subject } }</query>",
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE),
                post(
                        token,
                        MediaType.parseMediaType("application/graphql"),
                        "{ viewer { subject } }",
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE),
                postJson(token, json("{ viewer { subject "), HttpStatus.OK),
                postJson(
                        token, json("query q { viewer { subject } }", "\"operationName\": \"missing\""), HttpStatus.OK),
                postJson(
                        token,
                        json(
                                "query q($n: Int) { funds(first: $n) { totalCount } }",
                                "\"variables\": {\"n\": \"many\"}"),
                        HttpStatus.OK),
                postJson(token, json("{ funds(first: 1000) { totalCount } }"), HttpStatus.OK));

        answers.forEach(HttpHygieneIT::assertRevealsNoInternals);
    }

    /** A failure inside the database (PostgreSQL refuses NUL characters) is a bare INTERNAL_ERROR. */
    @Test
    void databaseErrorsRevealNoInternals() {
        String query =
                postJson(token, json("{ funds(filter: {nameContains: \"a\0b\"}) { totalCount } }"), HttpStatus.OK);
        String mutation = postJson(token, json(CREATE_FUND.replace("Hygiene Fund", "Hygiene\0Fund")), HttpStatus.OK);

        for (String answer : List.of(query, mutation)) {
            assertThat(answer).contains("\"classification\":\"INTERNAL_ERROR\"");
            assertRevealsNoInternals(answer);
        }
    }

    @Test
    void mutationsOverGetAreRefusedAndWriteNothing() {
        String admin = usersOf(newTenant("hygiene-get")).tenantAdmin();

        for (MediaType accept :
                List.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/graphql-response+json"))) {
            http().get()
                    .uri(uri -> uri.queryParam("query", "{query}").build(CREATE_FUND))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                    .accept(accept)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                    .expectHeader()
                    .valueEquals(HttpHeaders.ALLOW, "POST");
        }

        assertWritesOnlyOverJsonPost(admin);
    }

    @Test
    void formEncodedAndPlainTextPostsAreRefusedAndWriteNothing() {
        String admin = usersOf(newTenant("hygiene-form")).tenantAdmin();

        post(
                admin,
                MediaType.APPLICATION_FORM_URLENCODED,
                "query=" + URLEncoder.encode(CREATE_FUND, StandardCharsets.UTF_8),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        post(admin, MediaType.TEXT_PLAIN, json(CREATE_FUND), HttpStatus.UNSUPPORTED_MEDIA_TYPE);

        assertWritesOnlyOverJsonPost(admin);
    }

    @Test
    void multipartPostsAreRefusedAndWriteNothing() {
        String admin = usersOf(newTenant("hygiene-multipart")).tenantAdmin();
        String multipart =
                "--boundary\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n" + json(CREATE_FUND)
                        + "\r\n--boundary\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n{}\r\n--boundary--\r\n";

        post(
                admin,
                MediaType.parseMediaType("multipart/form-data; boundary=boundary"),
                multipart,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE);

        assertWritesOnlyOverJsonPost(admin);
    }

    @Test
    void batchesOfOperationsAreRefusedAndWriteNothing() {
        String admin = usersOf(newTenant("hygiene-batch")).tenantAdmin();

        post(
                admin,
                MediaType.APPLICATION_JSON,
                "[" + json(CREATE_FUND) + ", " + json(CREATE_FUND) + "]",
                HttpStatus.BAD_REQUEST);

        assertWritesOnlyOverJsonPost(admin);
    }

    /** No fund was written so far; the same mutation as a JSON POST writes one (so the count would notice). */
    private void assertWritesOnlyOverJsonPost(String admin) {
        assertThat(fundCount(admin)).isZero();
        assertThat(postJson(admin, json(CREATE_FUND), HttpStatus.OK)).contains("\"userErrors\":[]");
        assertThat(fundCount(admin)).isEqualTo(1);
    }

    private int fundCount(String admin) {
        return graphQl(admin)
                .document("{ funds { totalCount } }")
                .execute()
                .path("funds.totalCount")
                .entity(Integer.class)
                .get();
    }

    private static void assertRevealsNoInternals(String answer) {
        for (String internal : INTERNALS) {
            assertThat(answer.toLowerCase(Locale.ROOT)).as(answer).doesNotContain(internal);
        }
    }

    /** A JSON request body with {@code query} and further members, given as JSON text. */
    private static String json(String query, String... members) {
        StringBuilder body = new StringBuilder("{\"query\": \"");
        for (char c : query.toCharArray()) {
            if (c == '"' || c == '\\') {
                body.append('\\').append(c);
            } else if (c < 0x20) {
                body.append(String.format("\\u%04x", (int) c));
            } else {
                body.append(c);
            }
        }
        body.append('"');
        for (String member : members) {
            body.append(", ").append(member);
        }
        return body.append('}').toString();
    }

    /**
     * {@code document} is refused by validation with one error of {@code kind} at {@code path} (none
     * when empty) on line 1, {@code column}, and its message names none of {@code hidden} (whole words).
     */
    private void assertValidationError(String document, String kind, String path, int column, String... hidden) {
        http().post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(document))
                .exchange()
                .expectBody()
                .jsonPath("$.data")
                .doesNotExist()
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].message")
                .value(message -> {
                    assertThat((String) message)
                            .as(document)
                            .startsWith(
                                    "Validation error (" + kind + (path.isEmpty() ? "" : "@[" + path + "]") + ") : ");
                    for (String name : hidden) {
                        assertThat((String) message).as(document).doesNotContainPattern("\\b" + name + "\\b");
                    }
                })
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("ValidationError")
                .jsonPath("$.errors[0].locations[0].line")
                .isEqualTo(1)
                .jsonPath("$.errors[0].locations[0].column")
                .isEqualTo(column);
    }

    private String postJson(String bearer, String body, HttpStatus expected) {
        return post(bearer, MediaType.APPLICATION_JSON, body, expected);
    }

    private String post(String bearer, MediaType contentType, String body, HttpStatus expected) {
        EntityExchangeResult<byte[]> result = http().post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                .contentType(contentType)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(expected)
                .expectBody()
                .returnResult();
        byte[] answer = result.getResponseBody();
        return answer == null ? "" : new String(answer, StandardCharsets.UTF_8);
    }
}
