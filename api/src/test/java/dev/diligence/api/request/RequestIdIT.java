package dev.diligence.api.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every response carries an {@code X-Request-Id}: the client's own when well-formed, else a new
 * UUID, also on requests that are rejected before they reach the application.
 */
class RequestIdIT extends ApiIntegrationTest {

    private static final String VIEWER_QUERY = "{\"query\":\"{ viewer { subject } }\"}";

    private static String token;

    @BeforeAll
    static void aUser() {
        token = usersOf(newTenant("request-id")).fundManager();
    }

    @Test
    void aWellFormedRequestIdIsEchoed() {
        String sent = "client-7.a_b:c-" + UUID.randomUUID();
        assertThat(requestIdOf(authorized().header(RequestIds.HEADER, sent), 200))
                .isEqualTo(sent);
    }

    @Test
    void aRequestIdOf128CharactersIsEchoed() {
        String sent = "a".repeat(128);
        assertThat(requestIdOf(authorized().header(RequestIds.HEADER, sent), 200))
                .isEqualTo(sent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has spaces", "slash/ed", "semi;colon", "<script>", "quote\"d"})
    void aMalformedRequestIdIsReplacedByAGeneratedUuid(String sent) {
        String answered = requestIdOf(authorized().header(RequestIds.HEADER, sent), 200);
        assertThat(answered).isNotEqualTo(sent);
        assertThatIsUuid(answered);
    }

    @Test
    void aTooLongRequestIdIsReplacedByAGeneratedUuid() {
        String sent = "a".repeat(129);
        String answered = requestIdOf(authorized().header(RequestIds.HEADER, sent), 200);
        assertThat(answered).isNotEqualTo(sent);
        assertThatIsUuid(answered);
    }

    @Test
    void aRequestWithoutIdGetsAGeneratedUuidOfItsOwn() {
        String first = requestIdOf(authorized(), 200);
        String second = requestIdOf(authorized(), 200);
        assertThatIsUuid(first);
        assertThatIsUuid(second);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void unauthorizedResponsesEchoTheRequestId() {
        String sent = "rejected-" + UUID.randomUUID();
        assertThat(requestIdOf(anonymous().header(RequestIds.HEADER, sent), 401))
                .isEqualTo(sent);
        assertThat(requestIdOf(
                        anonymous()
                                .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt")
                                .header(RequestIds.HEADER, sent),
                        401))
                .isEqualTo(sent);
    }

    @Test
    void unauthorizedResponsesWithoutRequestIdGetAGeneratedOne() {
        assertThatIsUuid(requestIdOf(anonymous(), 401));
    }

    private WebTestClient.RequestBodySpec authorized() {
        return anonymous().header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    private WebTestClient.RequestBodySpec anonymous() {
        return http().post().contentType(MediaType.APPLICATION_JSON);
    }

    private static String requestIdOf(WebTestClient.RequestBodySpec request, int status) {
        return request.bodyValue(VIEWER_QUERY)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .exists(RequestIds.HEADER)
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst(RequestIds.HEADER);
    }

    private static void assertThatIsUuid(String value) {
        assertThat(UUID.fromString(value)).hasToString(value);
    }
}
