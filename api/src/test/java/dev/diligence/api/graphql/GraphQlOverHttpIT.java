package dev.diligence.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The GraphQL endpoint against the GraphQL-over-HTTP specification (the GraphQL Foundation's draft,
 * https://graphql.github.io/graphql-over-http/draft/), rule by rule, with real requests. Each test
 * names the section (and, for status codes, the example) it comes from. In short: {@code application/graphql-response+json}
 * when the client accepts it, {@code application/json} otherwise; under
 * {@code application/graphql-response+json} a request error (a response without {@code data}) is a
 * 4xx, under {@code application/json} a well-formed request is answered with 200 whatever its
 * GraphQL errors; a request that is not well-formed is a 400 under both.
 */
class GraphQlOverHttpIT extends ApiIntegrationTest {

    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

    private static final String VIEWER = "{\"query\": \"{ viewer { subject } }\"}";

    private static String token;
    private static String assessor;

    @BeforeAll
    static void callers() {
        var users = usersOf(newTenant("over-http"));
        token = users.tenantAdmin();
        assessor = users.assessor();
    }

    // --- Accept and the media type of the response ---------------------------------------------------

    /** "Response › Body": the response is encoded in the accepted media type, named in Content-Type. */
    @Test
    void answersGraphQlResponseJsonWhenTheClientAcceptsIt() {
        Answer answer = post(token, GRAPHQL_RESPONSE.toString(), MediaType.APPLICATION_JSON, VIEWER);

        answer.is(HttpStatus.OK, GRAPHQL_RESPONSE);
        assertThat(answer.body()).contains("\"data\":{\"viewer\":{\"subject\"").doesNotContain("\"errors\"");
    }

    /** "Response › Body": a server MUST support requests that accept application/json. */
    @Test
    void answersApplicationJsonWhenTheClientAcceptsOnlyThat() {
        post(token, "application/json", MediaType.APPLICATION_JSON, VIEWER)
                .is(HttpStatus.OK, MediaType.APPLICATION_JSON);
    }

    /** "Response › Body": the highest-priority accepted media type that the server supports. */
    @Test
    void followsTheClientsPreference() {
        post(token, "application/graphql-response+json, application/json;q=0.9", MediaType.APPLICATION_JSON, VIEWER)
                .is(HttpStatus.OK, GRAPHQL_RESPONSE);
        post(token, "application/json, application/graphql-response+json;q=0.9", MediaType.APPLICATION_JSON, VIEWER)
                .is(HttpStatus.OK, MediaType.APPLICATION_JSON);
    }

    /**
     * "Request › Accept" (note) and "Response › Body › Legacy watershed": without an Accept header the
     * server may choose; this one answers as if the client accepted application/json, what clients
     * written before the watershed expect (and what HttpHygieneIT relies on). The spec's post-2025
     * SHOULD would be application/graphql-response+json: a deliberate, documented deviation.
     */
    @Test
    void answersApplicationJsonWithoutAnAcceptHeader() {
        post(token, null, MediaType.APPLICATION_JSON, VIEWER).is(HttpStatus.OK, MediaType.APPLICATION_JSON);
        post(token, "*/*", MediaType.APPLICATION_JSON, VIEWER).is(HttpStatus.OK, MediaType.APPLICATION_JSON);
    }

    /**
     * "Response › Body": when the Accept header names no supported media type, the server answers 406
     * Not Acceptable (RECOMMENDED) or ignores the header; this one answers 406 and executes nothing
     * ({@code GraphQlOverHttpConfiguration}; Spring Boot alone answered 415).
     */
    @Test
    void refusesAnAcceptHeaderWithoutASupportedMediaType() {
        post(token, "text/html", MediaType.APPLICATION_JSON, VIEWER).isStatus(HttpStatus.NOT_ACCEPTABLE);
        post(token, "text/html, application/xml;q=0.9", MediaType.APPLICATION_JSON, VIEWER)
                .isStatus(HttpStatus.NOT_ACCEPTABLE);
        // a wildcard that covers a supported type is fine (and answered with application/json)
        post(token, "text/html, application/*;q=0.8", MediaType.APPLICATION_JSON, VIEWER)
                .is(HttpStatus.OK, MediaType.APPLICATION_JSON);
    }

    // --- Methods and request bodies -----------------------------------------------------------------

    /** "Request › POST": application/json request bodies MUST be supported, UTF-8 assumed, with or without a charset. */
    @Test
    void acceptsJsonBodiesWithACharset() {
        post(token, GRAPHQL_RESPONSE.toString(), MediaType.parseMediaType("application/json; charset=utf-8"), VIEWER)
                .is(HttpStatus.OK, GRAPHQL_RESPONSE);
    }

    /** "Request › POST": a server MAY support other request media types; this one refuses form bodies (415). */
    @Test
    void refusesFormBodiesAndGetRequests() {
        post(
                        token,
                        GRAPHQL_RESPONSE.toString(),
                        MediaType.APPLICATION_FORM_URLENCODED,
                        "query=%7B%20viewer%20%7B%20subject%20%7D%20%7D")
                .isStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        // "Request › GET": mutations MUST NOT be executed over GET (405); this server takes no operation over GET
        http().get()
                .uri(uri -> uri.queryParam("query", "{q}")
                        .build("mutation { createTenant(input: {key: \"x\", name: \"x\"}) { userErrors { code } } }"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(GRAPHQL_RESPONSE)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader()
                .valueEquals(HttpHeaders.ALLOW, "POST");
    }

    /** "Request › POST": a POST without a Content-Type SHOULD be rejected with a 4xx. */
    @Test
    void refusesAPostWithoutAContentType() {
        http().post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(GRAPHQL_RESPONSE)
                .exchange()
                .expectStatus()
                .is4xxClientError();
    }

    /** "Request Parameters" (note): null for an optional parameter is the same as leaving it out. */
    @Test
    void nullOptionalParametersAreLeftOut() {
        post(
                        token,
                        GRAPHQL_RESPONSE.toString(),
                        MediaType.APPLICATION_JSON,
                        "{\"query\": \"{ viewer { subject } }\", \"operationName\": null, \"variables\": null, \"extensions\": null}")
                .is(HttpStatus.OK, GRAPHQL_RESPONSE);
    }

    // --- Requests that are not well-formed GraphQL-over-HTTP requests (400 under both) ---------------

    /** "Status Codes", examples "JSON parsing failure" of both media types: 400. */
    @Test
    void invalidJsonIs400() {
        for (String accept : new String[] {GRAPHQL_RESPONSE.toString(), "application/json"}) {
            post(token, accept, MediaType.APPLICATION_JSON, "{\"query\": ").isStatus(HttpStatus.BAD_REQUEST);
        }
    }

    /** "Request Parameters": {@code query} is required; without it the request is not well-formed ("Invalid parameters"): 400. */
    @Test
    void aMissingQueryIs400() {
        for (String accept : new String[] {GRAPHQL_RESPONSE.toString(), "application/json"}) {
            post(token, accept, MediaType.APPLICATION_JSON, "{\"variables\": {}}")
                    .isStatus(HttpStatus.BAD_REQUEST);
        }
    }

    /** "Request Parameters", "JSON Encoding": {@code variables} is a map; anything else is not well-formed ("Invalid parameters"): 400. */
    @Test
    void variablesThatAreNotAnObjectAre400() {
        for (String accept : new String[] {GRAPHQL_RESPONSE.toString(), "application/json"}) {
            for (String variables : new String[] {"[1]", "\"n=1\"", "7"}) {
                post(
                                token,
                                accept,
                                MediaType.APPLICATION_JSON,
                                "{\"query\": \"{ viewer { subject } }\", \"variables\": " + variables + "}")
                        .isStatus(HttpStatus.BAD_REQUEST);
            }
        }
    }

    /** "Request Parameters": {@code operationName} is a string; anything else is not well-formed: 400. */
    @Test
    void anOperationNameThatIsNotAStringIs400() {
        for (String accept : new String[] {GRAPHQL_RESPONSE.toString(), "application/json"}) {
            post(
                            token,
                            accept,
                            MediaType.APPLICATION_JSON,
                            "{\"query\": \"query q { viewer { subject } }\", \"operationName\": {\"a\": 1}}")
                    .isStatus(HttpStatus.BAD_REQUEST);
        }
    }

    /**
     * "Request Parameters": {@code query} is a string. Under application/graphql-response+json a
     * number is refused with 400 and no data. (Under application/json it is answered like a document
     * that does not parse, 200 with errors, as {@code HttpHygieneIT} pins; the specification only
     * recommends 400 there.)
     */
    @Test
    void aQueryThatIsNotAStringIs400UnderGraphQlResponseJson() {
        Answer answer = post(token, GRAPHQL_RESPONSE.toString(), MediaType.APPLICATION_JSON, "{\"query\": 42}");
        answer.isStatus(HttpStatus.BAD_REQUEST);
        assertThat(answer.body()).doesNotContain("\"data\"");
    }

    // --- GraphQL request errors of a well-formed request ----------------------------------------------

    /** "Status Codes", examples "Document parsing failure": 400 under application/graphql-response+json, 200 under application/json. */
    @Test
    void aParseErrorIs400UnderGraphQlResponseJsonAnd200UnderJson() {
        requestError("{\"query\": \"{ viewer { subject \"}", "InvalidSyntax");
    }

    /** "Status Codes", examples "Document validation failure": 400 under application/graphql-response+json, 200 under application/json. */
    @Test
    void aValidationErrorIs400UnderGraphQlResponseJsonAnd200UnderJson() {
        requestError("{\"query\": \"{ viewer { noSuchField } }\"}", "ValidationError");
    }

    /** "Status Codes", examples "Operation cannot be determined" (an unknown operationName): 400, or 200 under application/json. */
    @Test
    void anUnknownOperationNameIs400UnderGraphQlResponseJsonAnd200UnderJson() {
        requestError("{\"query\": \"query q { viewer { subject } }\", \"operationName\": \"missing\"}", "\"errors\"");
    }

    /** "Status Codes", examples "Variable coercion failure": 400, or 200 under application/json. */
    @Test
    void variablesOfTheWrongTypeAre400UnderGraphQlResponseJsonAnd200UnderJson() {
        requestError(
                "{\"query\": \"query q($n: Int) { funds(first: $n) { totalCount } }\", \"variables\": {\"n\": \"many\"}}",
                "\"errors\"");
    }

    // --- Field errors and success ---------------------------------------------------------------------

    /**
     * "Status Codes", examples "Field errors encountered during execution": 200 under both media types,
     * also when a field error nulled {@code data} ("data entry null: 2xx, 200 RECOMMENDED").
     */
    @Test
    void aFieldErrorIs200() {
        // auditEvents requires the tenant-admin role: an assessor gets a FORBIDDEN field error
        String body = "{\"query\": \"{ auditEvents { totalCount } }\"}";
        for (MediaType accept : new MediaType[] {GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON}) {
            Answer answer = post(assessor, accept.toString(), MediaType.APPLICATION_JSON, body);
            answer.is(HttpStatus.OK, accept);
            assertThat(answer.body()).contains("\"data\":").contains("\"classification\":\"FORBIDDEN\"");
        }
    }

    /** "Status Codes": a response with non-null data is 200 under both media types. */
    @Test
    void aSuccessfulQueryIs200() {
        for (MediaType accept : new MediaType[] {GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON}) {
            Answer answer = post(
                    token,
                    accept.toString(),
                    MediaType.APPLICATION_JSON,
                    "{\"query\": \"query q($n: Int) { funds(first: $n) { totalCount } }\", \"operationName\": \"q\", \"variables\": {\"n\": 2}}");
            answer.is(HttpStatus.OK, accept);
            assertThat(answer.body())
                    .startsWith("{\"data\":{\"funds\":{\"totalCount\":0}}")
                    .doesNotContain("\"errors\"");
        }
    }

    /** A request error under both media types: 400 without data, or 200 (also without data). */
    private void requestError(String body, String expected) {
        Answer strict = post(token, GRAPHQL_RESPONSE.toString(), MediaType.APPLICATION_JSON, body);
        strict.is(HttpStatus.BAD_REQUEST, GRAPHQL_RESPONSE);
        assertThat(strict.body()).contains(expected).contains("\"errors\"").doesNotContain("\"data\"");

        Answer legacy = post(token, "application/json", MediaType.APPLICATION_JSON, body);
        legacy.is(HttpStatus.OK, MediaType.APPLICATION_JSON);
        assertThat(legacy.body()).contains(expected).contains("\"errors\"").doesNotContain("\"data\"");
    }

    private record Answer(HttpStatus status, MediaType contentType, String body) {

        void is(HttpStatus expectedStatus, MediaType expectedType) {
            isStatus(expectedStatus);
            assertThat(contentType).as(body).isNotNull();
            assertThat(contentType.equalsTypeAndSubtype(expectedType))
                    .as("Content-Type " + contentType + ": " + body)
                    .isTrue();
        }

        void isStatus(HttpStatus expected) {
            assertThat(status).as(body).isEqualTo(expected);
        }
    }

    private Answer post(String bearer, String accept, MediaType contentType, String body) {
        WebTestClient.RequestBodySpec request = http().post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                .contentType(contentType);
        if (accept != null) {
            request.header(HttpHeaders.ACCEPT, accept);
        }
        EntityExchangeResult<byte[]> result =
                request.bodyValue(body).exchange().expectBody().returnResult();
        byte[] bytes = result.getResponseBody();
        return new Answer(
                HttpStatus.valueOf(result.getStatus().value()),
                result.getResponseHeaders().getContentType(),
                bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8));
    }
}
