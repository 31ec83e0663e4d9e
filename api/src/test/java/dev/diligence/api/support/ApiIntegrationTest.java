package dev.diligence.api.support;

import dev.diligence.persistence.testing.TenantRows;
import dev.diligence.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the API's integration tests: the whole application on a random port, against the test
 * PostgreSQL as the non-owner application role, trusting the test issuer. Every test class shares
 * one application context, so each class creates tenants of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "diligence.embedded.enabled=false")
@Import(StatementCounter.class)
public abstract class ApiIntegrationTest {

    protected static final TestDatabase DB = TestDatabase.get();
    protected static final TestIssuer ISSUER = TestIssuer.get();

    /** How long a test waits for an answer: the first request of a new context can take seconds on a busy machine. */
    protected static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void pointAtTestInfrastructure(DynamicPropertyRegistry registry) {
        DB.springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::issuerUri);
    }

    /** A GraphQL client that sends {@code token} as its bearer token. */
    protected HttpGraphQlTester graphQl(String token) {
        return HttpGraphQlTester.builder(http().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .responseTimeout(RESPONSE_TIMEOUT)
                .documentSource(TestDocuments.SOURCE)
                .build();
    }

    /** The URL of the GraphQL endpoint of the application under test. */
    protected String graphQlUrl() {
        return "http://127.0.0.1:" + port + "/graphql";
    }

    /** A plain HTTP client of the whole server (paths from its root, such as {@code /exports/...}), without credentials. */
    protected WebTestClient server() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(RESPONSE_TIMEOUT)
                .build();
    }

    /** A plain HTTP client of the GraphQL endpoint, without credentials, waiting up to {@link #RESPONSE_TIMEOUT}. */
    protected WebTestClient http() {
        return WebTestClient.bindToServer()
                .baseUrl(graphQlUrl())
                .responseTimeout(RESPONSE_TIMEOUT)
                .build();
    }

    /** Registers a tenant with a key no other test uses; returns the key. */
    protected static String newTenant(String prefix) {
        String key = TenantRows.uniqueKey(prefix);
        try (Connection admin = DB.connectAsAdmin()) {
            TenantRows.insertTenant(admin, key);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return key;
    }

    /** Tokens of one tenant's users, by role. */
    public static TenantUsers usersOf(String tenantKey) {
        return new TenantUsers(ISSUER, tenantKey);
    }

    public static String platformAdminToken() {
        return ISSUER.token("platform-" + UUID.randomUUID(), null, "platform-admin");
    }
}
