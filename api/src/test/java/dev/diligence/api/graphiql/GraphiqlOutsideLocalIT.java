package dev.diligence.api.graphiql;

import dev.diligence.api.support.ApiIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Outside local development (the tests' default configuration) neither GraphiQL nor its files are
 * served, not even to a caller with a token: the WebJars on the classpath stay unreachable.
 */
class GraphiqlOutsideLocalIT extends ApiIntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void servesNeitherThePageNorItsFiles() {
        String token = usersOf(newTenant("graphiql-absent")).fundManager();
        for (String path : new String[] {
            "/graphiql?path=/graphql",
            "/graphiql/assets/graphiql.min.js",
            "/graphiql/assets/graphiql-boot.js",
            "/graphiql/demo-users",
            "/webjars/graphiql/2.4.7/graphiql.min.js",
            "/webjars/react/18.3.1/umd/react.production.min.js"
        }) {
            client().get()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }
}
