package dev.diligence.api.graphiql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Under the {@code local} profile GraphiQL loads without internet: the page names no other host, and
 * every script and stylesheet it names is served by the application, without a token.
 */
@ActiveProfiles("local")
class GraphiqlOfflineIT extends ApiIntegrationTest {

    /** src and href attributes of the page's script and link elements. */
    private static final Pattern SOURCES = Pattern.compile("<(?:script|link)\\b[^>]*?\\b(?:src|href)=\"([^\"]+)\"");

    @LocalServerPort
    private int port;

    @Test
    void pageNamesNoOtherHost() {
        String page = page();

        assertThat(page).doesNotContain("esm.sh", "unpkg", "jsdelivr", "://");
        assertThat(assets(page))
                .isNotEmpty()
                .allSatisfy(asset -> assertThat(asset).doesNotStartWith("//"));
    }

    @Test
    void pageAllowsScriptsOfThisOriginOnly() {
        client().get()
                .uri("/graphiql?path=/graphql")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Content-Security-Policy", GraphiqlPage.CONTENT_SECURITY_POLICY);
        assertThat(GraphiqlPage.CONTENT_SECURITY_POLICY)
                .contains("default-src 'none'", "script-src 'self';")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page()).doesNotContainPattern("<script(?![^>]*\\bsrc=)");
    }

    @Test
    void everyAssetIsServedWithItsContentType() {
        List<String> assets = assets(page());

        assertThat(assets).anyMatch(asset -> asset.endsWith(".css")).anyMatch(asset -> asset.endsWith(".js"));
        for (String asset : assets) {
            String contentType = asset.endsWith(".css") ? "text/css" : "text/javascript";
            client().get()
                    .uri("/" + asset)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).startsWith(contentType))
                    .expectBody()
                    .consumeWith(
                            body -> assertThat(body.getResponseBody()).as(asset).isNotEmpty());
        }
    }

    @Test
    void servesOnlyThePagesOwnFiles() {
        client().get()
                .uri("/graphiql/assets/package.json")
                .exchange()
                .expectStatus()
                .isNotFound();
        client().get()
                .uri("/graphiql/assets/graphiql.js")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    /** The demo token picker needs the embedded issuer's demo users: none under the local profile. */
    @Test
    void offersNoDemoTokensOutsideEmbeddedMode() {
        client().get().uri("/graphiql/demo-users").exchange().expectStatus().isNotFound();
        client().get()
                .uri("/graphiql/demo-token/alice")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void withoutAPathRedirectsToTheGraphQlEndpoint() {
        client().get()
                .uri("/graphiql")
                .exchange()
                .expectStatus()
                .is3xxRedirection()
                .expectHeader()
                .value(HttpHeaders.LOCATION, location -> assertThat(location).endsWith("/graphiql?path=/graphql"));
    }

    private String page() {
        return client().get()
                .uri("/graphiql?path=/graphql")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private static List<String> assets(String page) {
        Matcher sources = SOURCES.matcher(page);
        return sources.results().map(match -> match.group(1)).toList();
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs ->
                        codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)) // graphiql.min.js is about 1 MB
                .build();
    }
}
