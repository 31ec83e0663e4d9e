package dev.diligence.api.fund;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A {@code Decimal} keeps every digit on the wire: the largest allowed target size, sent as a string,
 * a JSON number in the variables or a GraphQL number in the document, comes back as the JSON string
 * {@code "999999999999999.99"} in the response text (which {@code JSON.parse} would read as
 * {@code 1000000000000000} were it a number), from the mutation, a read and the audit trail alike.
 * The requests and responses are compared as text: a parsed map would hide the JSON types.
 */
class MoneyOnTheWireIT extends ApiIntegrationTest {

    /** Long enough for the first request to a cold application on a busy machine. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    private static final String LARGEST = "999999999999999.99";

    private static final String CREATE = "mutation($input: CreateFundInput!) { createFund(input: $input) {"
            + " fund { id targetSize } userErrors { field code message } } }";

    private String token;

    @BeforeEach
    void anAdminOfAFreshFirm() {
        token = usersOf(newTenant("money")).tenantAdmin();
    }

    /** The target size as a JSON value in the variables: a string, or a number with all its digits. */
    @ParameterizedTest
    @ValueSource(strings = {"\"" + LARGEST + "\"", LARGEST})
    void theLargestTargetSizeInTheVariablesComesBackAsAStringWithEveryDigit(String targetSize) {
        String response = post("{\"query\":" + quoted(CREATE) + ",\"variables\":{\"input\":{\"name\":\"" + fundName()
                + "\",\"vintageYear\":2024,\"strategy\":\"BUYOUT\",\"currency\":\"USD\",\"targetSize\":" + targetSize
                + "}}}");

        assertThat(response).contains("\"targetSize\":\"" + LARGEST + "\"").contains("\"userErrors\":[]");
        String id = fundId(response);
        assertThat(post(query("{ node(id: \\\"" + id + "\\\") { ... on Fund { targetSize } } }")))
                .contains("\"targetSize\":\"" + LARGEST + "\"");
        assertThat(post(query("{ auditEvents(first: 1, filter: {entityId: \\\"" + id + "\\\"}) { nodes { after } } }")))
                .contains("\"targetSize\":\"" + LARGEST + "\"");
    }

    /** The target size as a literal of the document: a GraphQL string or float. */
    @ParameterizedTest
    @ValueSource(strings = {"\\\"" + LARGEST + "\\\"", LARGEST})
    void theLargestTargetSizeInTheDocumentComesBackAsAStringWithEveryDigit(String targetSize) {
        String response = post(query("mutation { createFund(input: {name: \\\"" + fundName()
                + "\\\", vintageYear: 2024,"
                + " strategy: BUYOUT, currency: \\\"USD\\\", targetSize: " + targetSize + "}) { fund { targetSize }"
                + " userErrors { field code message } } }"));

        assertThat(response).contains("\"targetSize\":\"" + LARGEST + "\"").contains("\"userErrors\":[]");
    }

    /** A number in exponent form is read exactly and written back in plain notation. */
    @ParameterizedTest
    @ValueSource(strings = {"\"500000000\"", "500000000", "5E+8"})
    void aWholeTargetSizeComesBackInPlainNotation(String targetSize) {
        String response = post("{\"query\":" + quoted(CREATE) + ",\"variables\":{\"input\":{\"name\":\"" + fundName()
                + "\",\"vintageYear\":2024,\"strategy\":\"BUYOUT\",\"currency\":\"USD\",\"targetSize\":" + targetSize
                + "}}}");

        assertThat(response).contains("\"targetSize\":\"500000000\"").contains("\"userErrors\":[]");
    }

    private String post(String body) {
        return WebTestClient.bindToServer()
                .baseUrl(graphQlUrl())
                .responseTimeout(RESPONSE_TIMEOUT)
                .build()
                .post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_GRAPHQL_RESPONSE)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** A request body of {@code document}, whose quotes are escaped for JSON already. */
    private static String query(String document) {
        return "{\"query\":\"" + document + "\"}";
    }

    private static String quoted(String document) {
        return "\"" + document.replace("\"", "\\\"") + "\"";
    }

    private static String fundName() {
        return "Money Fund " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String fundId(String response) {
        int start = response.indexOf("\"id\":\"") + "\"id\":\"".length();
        return response.substring(start, response.indexOf('"', start));
    }
}
