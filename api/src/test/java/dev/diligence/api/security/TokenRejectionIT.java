package dev.diligence.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TestIssuer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Which bearer tokens POST /graphql accepts: only valid, correctly addressed tokens with a subject
 * that name exactly one active tenant (platform administrators may name none). Everything else is a
 * 401 with the one UNAUTHORIZED body of every 401.
 */
class TokenRejectionIT extends ApiIntegrationTest {

    private static final String VIEWER_QUERY = "{\"query\":\"{ viewer { subject } }\"}";

    @Test
    void rejectsRequestWithoutAuthorizationHeader() {
        EntityExchangeResult<byte[]> result = http().post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(VIEWER_QUERY)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .returnResult();

        assertBareUnauthorized(result);
    }

    @Test
    void rejectsGarbageToken() {
        expectRejected("this-is-not-a-jwt");
    }

    @Test
    void rejectsTokenWithoutTenantOfNonAdmin() {
        expectRejected(ISSUER.token("no-tenant-user", null, "tenant-admin", "fund-manager"));
    }

    @Test
    void rejectsTokenWithTwoTenants() {
        String first = newTenant("reject-two-a");
        String second = newTenant("reject-two-b");

        expectRejected(ISSUER.token(
                "two-tenants",
                TestIssuer.AUDIENCE,
                Map.of(
                        "tenant", List.of(first, second),
                        "realm_access", Map.of("roles", List.of("tenant-admin")))));
    }

    @Test
    void rejectsTokenOfUnknownTenant() {
        expectRejected(ISSUER.token("ghost", "no-such-tenant-" + Long.toHexString(System.nanoTime()), "tenant-admin"));
    }

    @Test
    void rejectsTokenWithMalformedTenantKey() {
        expectRejected(ISSUER.token("malformed", "NOT A KEY", "tenant-admin"));
    }

    @Test
    void rejectsTokenOfArchivedTenant() {
        String tenant = newTenant("reject-archived");
        graphQl(platformAdminToken())
                .documentName("archiveTenant")
                .variable("input", Map.of("key", tenant))
                .execute()
                .path("archiveTenant.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("archiveTenant.tenant.status")
                .entity(String.class)
                .isEqualTo("ARCHIVED");

        expectRejected(usersOf(tenant).tenantAdmin());
    }

    @Test
    void rejectsTokenForAnotherAudience() {
        String tenant = newTenant("reject-audience");
        String token = ISSUER.token("wrong-audience", "some-other-api", claims(tenant, "tenant-admin"));
        // the same claims for the right audience are accepted, so only the audience can be at fault
        expectAccepted(
                ISSUER.token("right-audience", TestIssuer.AUDIENCE, claims(tenant, "tenant-admin")), "right-audience");

        expectRejected(token);
    }

    @Test
    void rejectsTokenWithTamperedSignature() {
        String tenant = newTenant("reject-signature");
        String token = usersOf(tenant).tenantAdmin();
        expectAccepted(token, "tenant-admin@" + tenant);

        expectRejected(withTamperedSignature(token));
    }

    @Test
    void rejectsTokenWithoutSubject() {
        String tenant = newTenant("reject-subject");
        expectAccepted(ISSUER.token("named", tenant, "tenant-admin"), "named");

        expectRejected(ISSUER.tokenWithSubjectClaim(null, tenant, "tenant-admin"));
        expectRejected(ISSUER.tokenWithSubjectClaim("", tenant, "fund-manager"));
        expectRejected(ISSUER.tokenWithSubjectClaim(null, null, "platform-admin"));
    }

    @Test
    void acceptsTenantClaimListingExactlyOneKey() {
        String tenant = newTenant("accept-list");
        String token = ISSUER.token(
                "listed",
                TestIssuer.AUDIENCE,
                Map.of(
                        "tenant", List.of(tenant),
                        "realm_access", Map.of("roles", List.of("fund-manager"))));

        expectAccepted(token, "listed");
        graphQl(token)
                .documentName("viewer")
                .execute()
                .path("viewer.tenant.key")
                .entity(String.class)
                .isEqualTo(tenant);
    }

    @Test
    void acceptsPlatformAdminWithoutTenant() {
        String token = ISSUER.token("root", null, "platform-admin");

        expectAccepted(token, "root");
        graphQl(token)
                .documentName("viewer")
                .execute()
                .path("viewer.tenant")
                .valueIsNull()
                .path("viewer.roles")
                .entityList(String.class)
                .containsExactly("PLATFORM_ADMIN");
    }

    /** Every tenant problem gets the same answer, so a caller cannot probe which tenant keys exist. */
    @Test
    void tenantRejectionsAreIndistinguishable() {
        String archived = newTenant("reject-alike");
        graphQl(platformAdminToken())
                .documentName("archiveTenant")
                .variable("input", Map.of("key", archived))
                .execute()
                .errors()
                .verify();

        List<String> challenges = List.of(
                        ISSUER.token("unknown", "no-such-tenant-alike", "tenant-admin"),
                        ISSUER.token("archived", archived, "tenant-admin"),
                        ISSUER.token("malformed", "NOT A KEY", "tenant-admin"),
                        ISSUER.token("none", null, "tenant-admin"))
                .stream()
                .map(token -> expectRejected(token).getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .toList();

        assertThat(challenges).doesNotContainNull().containsOnly(challenges.get(0));
    }

    private EntityExchangeResult<byte[]> expectRejected(String token) {
        EntityExchangeResult<byte[]> result =
                post(token).expectStatus().isUnauthorized().expectBody().returnResult();
        assertBareUnauthorized(result);
        return result;
    }

    private void expectAccepted(String token, String subject) {
        post(token)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.data.viewer.subject")
                .isEqualTo(subject);
    }

    private WebTestClient.ResponseSpec post(String token) {
        return http().post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(VIEWER_QUERY)
                .exchange();
    }

    /** A 401 tells the caller nothing about the server's insides: no exception names, no stack trace, one fixed body. */
    private static void assertBareUnauthorized(EntityExchangeResult<byte[]> result) {
        byte[] raw = result.getResponseBody();
        String body = raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
        assertThat(body).isEqualTo(TokenEdgeCasesIT.UNAUTHORIZED_BODY);
        String challenge = String.valueOf(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE));
        for (String exposed : List.of(body, challenge)) {
            assertThat(exposed)
                    .doesNotContain("Exception")
                    .doesNotContainPattern("\\bat [a-zA-Z_$][\\w$]*(\\.[\\w$]+)+\\(")
                    .doesNotContain("\"data\"");
        }
    }

    /** The token with one character in the middle of its signature changed. */
    private static String withTamperedSignature(String token) {
        int signatureStart = token.lastIndexOf('.') + 1;
        int position = signatureStart + (token.length() - signatureStart) / 2;
        char replacement = token.charAt(position) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, position) + replacement + token.substring(position + 1);
        assertThat(tampered).isNotEqualTo(token);
        return tampered;
    }

    private static Map<String, Object> claims(String tenant, String role) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("tenant", tenant);
        claims.put("realm_access", Map.of("roles", List.of(role)));
        return claims;
    }
}
