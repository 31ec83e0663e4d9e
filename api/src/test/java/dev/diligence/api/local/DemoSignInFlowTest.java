package dev.diligence.api.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portfolio page's way in on the embedded issuer: the authorization-code flow with PKCE, whose
 * sign-in page lists the demo users and gives the chosen one the same token as the client-credentials
 * grant does; a code is worth nothing without its verifier.
 */
class DemoSignInFlowTest {

    private static final String REDIRECT = "http://127.0.0.1:8080/app/";
    private static final String VERIFIER = "a-verifier-of-at-least-43-characters-0123456789abcdef";

    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedIssuer issuer;

    @BeforeEach
    void startIssuer() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        issuer = EmbeddedIssuer.start(port, "diligence-api", "tenant", "diligence-api");
    }

    @AfterEach
    void stopIssuer() {
        issuer.close();
    }

    @Test
    void theSignInPageListsEveryDemoUser() throws Exception {
        HttpResponse<String> page =
                http.send(HttpRequest.newBuilder(authorizeUri()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sign in to the Diligence demo");
        DemoUser.ALL.forEach(user -> assertThat(page.body()).contains("value=\"" + user.login() + "\""));
    }

    @Test
    void aChosenUserGetsTheirClaimsForTheCodeAndItsVerifier() throws Exception {
        String code = signIn("frank");

        HttpResponse<String> token = exchange(code, VERIFIER);

        assertThat(token.statusCode()).isEqualTo(200);
        JsonNode claims = claims(JsonMapper.builder()
                .build()
                .readTree(token.body())
                .get("access_token")
                .asString());
        assertThat(claims.get("sub").asString()).isEqualTo("frank");
        assertThat(claims.get("tenant").asString()).isEqualTo("northwind-capital");
        assertThat(claims.get("aud").toString()).contains("diligence-api");
        assertThat(claims.at("/realm_access/roles").toString()).contains("fund-manager");
    }

    @Test
    void aCodeWithTheWrongVerifierIsRefused() throws Exception {
        String code = signIn("alice");

        assertThat(exchange(code, VERIFIER.replace('a', 'b')).statusCode()).isEqualTo(400);
    }

    private String signIn(String login) throws IOException, InterruptedException, NoSuchAlgorithmException {
        HttpResponse<Void> redirect = http.send(
                HttpRequest.newBuilder(authorizeUri())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + login))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT);
        Map<String, String> parameters = UriComponentsBuilder.fromUriString(location)
                .build()
                .getQueryParams()
                .toSingleValueMap();
        assertThat(parameters).containsEntry("state", "the-state");
        return parameters.get("code");
    }

    private HttpResponse<String> exchange(String code, String verifier) throws IOException, InterruptedException {
        String form = Map.of(
                        "grant_type", "authorization_code",
                        "code", code,
                        "redirect_uri", REDIRECT,
                        "client_id", "diligence-web",
                        "code_verifier", verifier)
                .entrySet()
                .stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(issuer.tokenEndpoint()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI authorizeUri() throws NoSuchAlgorithmException {
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)));
        return UriComponentsBuilder.fromUriString(issuer.issuerUri() + "/authorize")
                .queryParam("response_type", "code")
                .queryParam("client_id", "diligence-web")
                .queryParam("redirect_uri", REDIRECT)
                .queryParam("scope", "openid")
                .queryParam("state", "the-state")
                .queryParam("code_challenge", challenge)
                .queryParam("code_challenge_method", "S256")
                .encode()
                .build()
                .toUri();
    }

    private static JsonNode claims(String token) {
        return JsonMapper.builder()
                .build()
                .readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
