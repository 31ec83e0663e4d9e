package dev.diligence.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TestIssuer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every refusal, whether Tomcat's connector makes it before any filter runs (a malformed request,
 * headers above 32 KB) or Spring does (unknown path, wrong method, wrong media type, body too large),
 * is a JSON body, whatever the client accepts: GraphQL-shaped ({@code application/graphql-response+json})
 * on the GraphQL path, a problem detail (RFC 9457, {@code application/problem+json}) elsewhere. Never
 * an HTML page, a stack trace or the server's name. Keycloak tokens with many groups and client roles
 * are about 20 KB: headers up to 32 KB are accepted.
 */
class ContainerRefusalsIT extends ApiIntegrationTest {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String PROBLEM = "application/problem+json";
    private static final String VIEWER = "{\"query\": \"{ viewer { subject } }\"}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String tenant;
    private static String token;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    private int port;

    @BeforeAll
    static void aTenantAdmin() {
        tenant = newTenant("refusals");
        token = usersOf(tenant).tenantAdmin();
    }

    @Test
    void acceptsAnAuthorizationHeaderOf20KilobytesWithAValidToken() {
        String bigToken = tokenWithGroups(560);
        assertThat(bigToken.length()).isBetween(20_000, 24_000);

        Answer answer = send(HttpRequest.newBuilder(uri("/graphql"))
                .header("Authorization", "Bearer " + bigToken)
                .header("Content-Type", "application/json")
                .header("Accept", GRAPHQL_RESPONSE)
                .POST(HttpRequest.BodyPublishers.ofString(VIEWER)));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(json(answer).path("data").path("viewer").path("subject").asString())
                .isEqualTo("big@" + tenant);
    }

    @Test
    void refusesHeadersAbove32KilobytesWithJson() {
        String header = "Authorization: Bearer " + "x".repeat(40 * 1024) + "\r\n";

        Answer onGraphQl = raw("POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n" + header);
        assertThat(onGraphQl.status()).isIn(400, 431);
        assertGraphQlRefusal(
                onGraphQl,
                onGraphQl.status(),
                onGraphQl.status() == 400 ? "BAD_REQUEST" : "REQUEST_HEADER_FIELDS_TOO_LARGE");

        Answer elsewhere = raw("GET /nope HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n" + header);
        assertThat(elsewhere.status()).isIn(400, 431);
        assertProblem(elsewhere, elsewhere.status());
    }

    /** A request target Tomcat cannot read has no path: the refusal is a problem detail. */
    @Test
    void refusesAMalformedRequestLineWithJson() {
        Answer answer = raw("GET /graphql?query={viewer} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n");

        assertProblem(answer, 400);
    }

    @Test
    void refusesARequestLineThatIsNotHttpWithJson() {
        Answer answer = raw("\u0001\u0002 not http\r\n");

        assertProblem(answer, 400);
    }

    /** A browser (Accept: text/html) with a token gets JSON too, not Spring Boot's whitelabel page. */
    @Test
    void answersAnUnknownPathWith404Json() {
        Answer answer = send(HttpRequest.newBuilder(uri("/nope"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .GET());

        assertProblem(answer, 404);
        assertKeepsSecurityHeaders(answer);
    }

    /**
     * Without a token no path is known: an unknown one gets a 401 like the GraphQL path's (the bare
     * challenge, the one 401 message) as a problem detail, so that callers without credentials learn
     * nothing about the server.
     */
    @Test
    void answersAnUnknownPathWithoutATokenWith401() {
        Answer answer = send(HttpRequest.newBuilder(uri("/nope"))
                .header("Accept", "text/html")
                .GET());

        assertProblem(answer, 401);
        assertThat(answer.body())
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"The request needs a valid bearer token\"}");
        assertThat(answer.response().headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
    }

    @Test
    void refusesMethodsOtherThanPostOnTheGraphQlPathWith405Json() {
        for (String method : List.of("PUT", "DELETE", "GET", "PATCH")) {
            Answer answer = send(HttpRequest.newBuilder(uri("/graphql"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Accept", "text/html")
                    .method(method, HttpRequest.BodyPublishers.ofString(VIEWER)));

            assertGraphQlRefusal(answer, 405, "METHOD_NOT_ALLOWED");
            assertThat(answer.response().headers().firstValue("Allow"))
                    .as(method)
                    .contains("POST");
            assertKeepsSecurityHeaders(answer);
        }
    }

    @Test
    void refusesBodiesOtherThanJsonOnTheGraphQlPathWith415Json() {
        for (String contentType : List.of("text/plain", "application/graphql", "application/x-www-form-urlencoded")) {
            Answer answer = send(HttpRequest.newBuilder(uri("/graphql"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", contentType)
                    .header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(VIEWER)));

            assertGraphQlRefusal(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
            assertKeepsSecurityHeaders(answer);
        }
    }

    @Test
    void refusesABodyAboveTheLimitWith413Json() {
        String body = "{\"query\": \"{ viewer { subject } }\", \"variables\": {\"pad\": \""
                + "x".repeat(2 * 1024 * 1024) + "\"}}";

        Answer onGraphQl = send(HttpRequest.newBuilder(uri("/graphql"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertGraphQlRefusal(onGraphQl, 413, "MAX_BODY_SIZE_EXCEEDED");

        Answer elsewhere = send(HttpRequest.newBuilder(uri("/nope"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertProblem(elsewhere, 413);
    }

    private static void assertGraphQlRefusal(Answer answer, int status, String classification) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.body()).isEqualTo(GRAPHQL_RESPONSE);
        assertRevealsNothing(answer);
        JsonNode error = json(answer).path("errors").path(0);
        assertThat(error.path("message").asString()).as(answer.body()).isNotBlank();
        assertThat(error.path("extensions").path("classification").asString())
                .as(answer.body())
                .isEqualTo(classification);
        assertThat(json(answer).has("data")).isFalse();
    }

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.body()).isEqualTo(PROBLEM);
        assertRevealsNothing(answer);
        JsonNode problem = json(answer);
        assertThat(problem.path("status").asInt()).as(answer.body()).isEqualTo(status);
        assertThat(problem.path("type").asString()).as(answer.body()).isNotBlank();
        assertThat(problem.path("title").asString()).as(answer.body()).isNotBlank();
        assertThat(problem.path("detail").asString()).as(answer.body()).isNotBlank();
    }

    private static void assertRevealsNothing(Answer answer) {
        assertThat(answer.body())
                .doesNotContainIgnoringCase("<html")
                .doesNotContain("Apache Tomcat")
                .doesNotContain("Tomcat")
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("at org.")
                .doesNotContain("at java.");
        assertThat(answer.server()).as("Server header").isNull();
    }

    /** Refusals made behind Spring Security keep the headers it writes. */
    private static void assertKeepsSecurityHeaders(Answer answer) {
        assertThat(answer.response().headers().firstValue("X-Content-Type-Options"))
                .contains("nosniff");
        assertThat(answer.response().headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    private static JsonNode json(Answer answer) {
        return JSON.readTree(answer.body());
    }

    /** A token of a tenant admin with {@code count} groups, as Keycloak writes a user's many groups. */
    private static String tokenWithGroups(int count) {
        List<String> groups = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> groups.add("/northwind/deal-team-%04d".formatted(i)));
        return ISSUER.token(
                "big@" + tenant,
                TestIssuer.AUDIENCE,
                Map.of(
                        "tenant",
                        tenant,
                        "name",
                        "User with many groups",
                        "realm_access",
                        Map.of("roles", List.of("tenant-admin")),
                        "groups",
                        groups));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Answer raw(String head) {
        RawHttp.Answer answer = RawHttp.exchange(port, head + "Connection: close\r\n");
        return new Answer(answer.status(), answer.header("Content-Type"), answer.header("Server"), answer.body(), null);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Server").orElse(null),
                    response.body(),
                    response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer from either client; {@code response} is null for the raw socket's. */
    private record Answer(int status, String contentType, String server, String body, HttpResponse<String> response) {

        /** The media type of the Content-Type header, without parameters. */
        Answer {
            contentType = contentType == null ? null : contentType.split(";")[0].trim();
        }
    }
}
