package dev.diligence.api.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.persistence.testing.TenantRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;

/**
 * The API against a real Keycloak running the demo realm ({@code docker/keycloak/diligence-realm.json}):
 * real tokens from the password and client-credentials grants, verified through Keycloak's published
 * metadata and keys, mapped to callers, firms and roles. Runs only when {@code keycloak.url} names
 * that Keycloak ({@code .ci/keycloak-e2e.sh} starts one and sets it); a plain {@code mvn verify}
 * skips it.
 */
@EnabledIfSystemProperty(named = "keycloak.url", matches = ".+")
@ContextConfiguration(initializers = KeycloakEndToEndIT.TrustKeycloak.class)
class KeycloakEndToEndIT extends ApiIntegrationTest {

    private static final String NORTHWIND = "northwind-capital";
    private static final String HARBOR = "harbor-ventures";
    /** The firm of the demo user carol; this test archives it. */
    private static final String LAKESIDE = "lakeside-partners";

    private static final String NORTHWIND_SYNC = "diligence-sync-northwind-capital";
    private static final String NORTHWIND_SYNC_SECRET = "northwind-sync-demo-secret";
    private static final String HARBOR_SYNC = "diligence-sync-harbor-ventures";
    private static final String HARBOR_SYNC_SECRET = "harbor-sync-demo-secret";
    private static final String REPORTING_TOOL = "reporting-tool";
    private static final String REPORTING_TOOL_SECRET = "reporting-tool-demo-secret";

    private static final String VIEWER_QUERY = "{\"query\":\"{ viewer { subject } }\"}";

    private static final KeycloakRealm KEYCLOAK = new KeycloakRealm(
            System.getProperty("keycloak.url", "http://127.0.0.1:18080"),
            System.getProperty("keycloak.realm", "diligence"));

    @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}")
    private String configuredIssuer;

    /**
     * Points the API at Keycloak instead of the base class's test issuer. A {@code @DynamicPropertySource}
     * here would lose: Spring applies a superclass's dynamic properties after its subclass's, so the
     * base class's issuer would win. This initializer runs after both and puts its property source
     * first; {@link #theApiTrustsKeycloakAndNotTheTestIssuer()} proves it.
     */
    static class TrustKeycloak implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "keycloakIssuer",
                            Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", KEYCLOAK.issuerUri())));
        }
    }

    /** The demo firms the realm's users and clients name, registered in the API's database. */
    @BeforeAll
    static void demoFirms() {
        List.of(NORTHWIND, HARBOR, LAKESIDE).forEach(KeycloakEndToEndIT::ensureTenant);
    }

    @Test
    void theApiTrustsKeycloakAndNotTheTestIssuer() {
        assertThat(configuredIssuer).isEqualTo(KEYCLOAK.issuerUri());

        expectStatus(ISSUER.token("alice", NORTHWIND, "tenant-admin"), 401);
        expectStatus(KEYCLOAK.userToken("alice"), 200);
    }

    @Test
    void viewerShowsTheSubjectFirmAndRolesOfPasswordGrantUsers() {
        String alice = KEYCLOAK.userToken("alice");
        graphQl(alice)
                .documentName("viewer")
                .execute()
                .path("viewer.subject")
                .entity(String.class)
                .isEqualTo(KeycloakRealm.subjectOf(alice))
                .path("viewer.name")
                .entity(String.class)
                .isEqualTo("Alice Admin")
                .path("viewer.tenant.key")
                .entity(String.class)
                .isEqualTo(NORTHWIND)
                .path("viewer.roles")
                .entityList(String.class)
                .containsExactly("TENANT_ADMIN");

        graphQl(KEYCLOAK.userToken("frank"))
                .documentName("viewer")
                .execute()
                .path("viewer.tenant.key")
                .entity(String.class)
                .isEqualTo(NORTHWIND)
                .path("viewer.roles")
                .entityList(String.class)
                .containsExactly("FUND_MANAGER");

        String bob = KEYCLOAK.userToken("bob");
        graphQl(bob)
                .documentName("viewer")
                .execute()
                .path("viewer.subject")
                .entity(String.class)
                .isEqualTo(KeycloakRealm.subjectOf(bob))
                .path("viewer.name")
                .entity(String.class)
                .isEqualTo("Bob Admin")
                .path("viewer.tenant.key")
                .entity(String.class)
                .isEqualTo(HARBOR)
                .path("viewer.roles")
                .entityList(String.class)
                .containsExactly("TENANT_ADMIN");
    }

    @Test
    void aFundOfNorthwindIsInvisibleToHarborsAdmin() {
        GraphQlTester alice = graphQl(KEYCLOAK.userToken("alice"));
        GraphQlTester bob = graphQl(KEYCLOAK.userToken("bob"));
        String name = "Keycloak E2E Fund " + UUID.randomUUID().toString().substring(0, 8);

        GraphQlTester.Response created = alice.documentName("createFund")
                .variable("input", fundInput(name))
                .execute();
        created.path("createFund.userErrors").entityList(Object.class).hasSize(0);
        String fundId = created.path("createFund.fund.id").entity(String.class).get();

        alice.documentName("fundNames")
                .variable("filter", Map.of("nameContains", name))
                .execute()
                .path("funds.nodes[*].name")
                .entityList(String.class)
                .containsExactly(name);
        bob.documentName("fundNames")
                .variable("filter", Map.of("nameContains", name))
                .execute()
                .path("funds.nodes")
                .entityList(Object.class)
                .hasSize(0);
        bob.documentName("fund").variable("id", fundId).execute().path("fund").valueIsNull();
    }

    @Test
    void aFundManagerMayNotCreateAFund() {
        GraphQlTester frank = graphQl(KEYCLOAK.userToken("frank"));
        String name = "Forbidden Fund " + UUID.randomUUID().toString().substring(0, 8);

        frank.documentName("createFund")
                .variable("input", fundInput(name))
                .execute()
                .errors()
                .satisfy(errors -> {
                    assertThat(errors).isNotEmpty();
                    assertThat(errors)
                            .allSatisfy(error ->
                                    assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN"));
                });
        graphQl(KEYCLOAK.userToken("alice"))
                .documentName("fundNames")
                .variable("filter", Map.of("nameContains", name))
                .execute()
                .path("funds.nodes")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void thePlatformAdministratorListsFirmsWithoutBelongingToOne() {
        GraphQlTester root = graphQl(KEYCLOAK.userToken("root"));

        root.documentName("viewer")
                .execute()
                .path("viewer.tenant")
                .valueIsNull()
                .path("viewer.roles")
                .entityList(String.class)
                .containsExactly("PLATFORM_ADMIN");
        List<String> keys = root.documentName("tenants")
                .execute()
                .path("tenants[*].key")
                .entityList(String.class)
                .get();
        assertThat(keys).contains(NORTHWIND, HARBOR);
    }

    @Test
    void aSyncClientActsAsTheIntegrationOfItsFirm() {
        graphQl(KEYCLOAK.clientToken(NORTHWIND_SYNC, NORTHWIND_SYNC_SECRET))
                .documentName("viewer")
                .execute()
                .path("viewer.tenant.key")
                .entity(String.class)
                .isEqualTo(NORTHWIND)
                .path("viewer.roles")
                .entityList(String.class)
                .containsExactly("INTEGRATION");
        graphQl(KEYCLOAK.clientToken(HARBOR_SYNC, HARBOR_SYNC_SECRET))
                .documentName("viewer")
                .execute()
                .path("viewer.tenant.key")
                .entity(String.class)
                .isEqualTo(HARBOR)
                .path("viewer.roles")
                .entityList(String.class)
                .containsExactly("INTEGRATION");
    }

    /** reporting-tool has the same firm and role as Northwind's sync client, but not the API's audience. */
    @Test
    void rejectsATokenIssuedForAnotherAudience() {
        expectStatus(KEYCLOAK.clientToken(NORTHWIND_SYNC, NORTHWIND_SYNC_SECRET), 200);

        expectStatus(KEYCLOAK.clientToken(REPORTING_TOOL, REPORTING_TOOL_SECRET), 401);
    }

    @Test
    void rejectsTokensOfAFirmOnceItIsArchived() {
        String carolBefore = KEYCLOAK.userToken("carol");
        expectStatus(carolBefore, 200);

        graphQl(KEYCLOAK.userToken("root"))
                .documentName("archiveTenant")
                .variable("input", Map.of("key", LAKESIDE))
                .execute()
                .path("archiveTenant.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("archiveTenant.tenant.status")
                .entity(String.class)
                .isEqualTo("ARCHIVED");

        expectStatus(carolBefore, 401);
        expectStatus(KEYCLOAK.userToken("carol"), 401);
    }

    private void expectStatus(String token, int status) {
        http().post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(VIEWER_QUERY)
                .exchange()
                .expectStatus()
                .isEqualTo(status);
    }

    private static Map<String, Object> fundInput(String name) {
        return Map.of(
                "name", name, "vintageYear", 2024, "strategy", "BUYOUT", "currency", "EUR", "targetSize", "250000000");
    }

    /** Makes sure an active firm with this key exists: registers it, or reactivates it when an earlier run archived it. */
    static void ensureTenant(String key) {
        try (Connection admin = DB.connectAsAdmin();
                PreparedStatement reactivate =
                        admin.prepareStatement("update tenants set status = 'ACTIVE' where key = ?")) {
            reactivate.setString(1, key);
            if (reactivate.executeUpdate() == 0) {
                TenantRows.insertTenant(admin, key);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
