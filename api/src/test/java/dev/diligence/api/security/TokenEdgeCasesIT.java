package dev.diligence.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TestIssuer;
import dev.diligence.persistence.testing.TenantRows;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every way a bearer token can be wrong gets the very same answer: HTTP 401, one fixed GraphQL error
 * classified UNAUTHORIZED ({@code application/graphql-response+json}) and
 * {@code WWW-Authenticate: Bearer error="invalid_token"}, identical in every header but the date,
 * the request ID and whether the connection stays open. Each test first shows that the token is accepted without its defect, so that it
 * is the defect alone that the server rejects.
 *
 * <p>Time limits use the configured clock skew of 30 seconds: a token 10 seconds past its expiry
 * (or before its {@code nbf}) is tolerated, one 45 seconds past is not. Spring Security's default
 * skew of 60 seconds would accept the latter, so these tests notice if the setting is lost.
 */
class TokenEdgeCasesIT extends ApiIntegrationTest {

    private static final String VIEWER_QUERY = "{\"query\":\"{ viewer { subject } }\"}";
    private static final String CREATE_FUND =
            "mutation { createFund(input: {name: \"Roleless Fund\", vintageYear: 2021,"
                    + " strategy: BUYOUT, currency: \"USD\", targetSize: 1000}) { fund { id } userErrors { code } } }";
    private static final Duration BEYOND_SKEW = Duration.ofSeconds(45);
    private static final Duration WITHIN_SKEW = Duration.ofSeconds(10);
    /** Headers that differ from request to request whatever the answer: the time, the request's ID, connection reuse. */
    private static final Set<String> VARYING_HEADERS = Set.of("date", "x-request-id", "connection");
    /** The one body of every 401 on the GraphQL path, whatever is wrong with the token or when there is none. */
    static final String UNAUTHORIZED_BODY =
            "{\"errors\":[{\"message\":\"The request needs a valid bearer token\",\"extensions\":{\"classification\":\"UNAUTHORIZED\"}}]}";

    private static String tenant;

    @Autowired
    private MeterRegistry meters;

    @BeforeAll
    static void aTenant() {
        tenant = newTenant("edge");
    }

    @Test
    void rejectsExpiredToken() {
        Instant now = Instant.now();
        assertAccepted(token("fresh", claims -> expiringAt(claims, now.plus(Duration.ofMinutes(5)))));

        assertUniformRejection(expiredToken(now));
    }

    @Test
    void rejectsTokenNotYetValid() {
        Instant now = Instant.now();
        assertAccepted(token("valid-now", claims -> claims.put("nbf", Date.from(now))));

        assertUniformRejection(notYetValidToken(now));
    }

    @Test
    void toleratesSmallClockSkewOnExpiryAndNotBefore() {
        Instant now = Instant.now();

        assertAccepted(token("just-expired", claims -> expiringAt(claims, now.minus(WITHIN_SKEW))));
        assertAccepted(token("almost-valid", claims -> claims.put("nbf", Date.from(now.plus(WITHIN_SKEW)))));
    }

    @Test
    void rejectsTokenWithoutExpiry() {
        assertAccepted(token("with-expiry", claims -> {}));

        assertUniformRejection(tokenWithoutExpiry());
    }

    @Test
    void rejectsTokenOfAnotherIssuerSignedWithTheTrustedKey() {
        assertAccepted(token("right-issuer", claims -> {}));

        assertUniformRejection(tokenOfIssuer(otherIssuerUri()));
        assertUniformRejection(tokenOfIssuer(trustedIssuerOnOtherHostName()));
    }

    @Test
    void rejectsTokenForAnotherAudience() {
        assertAccepted(token("right-audience", claims -> {}));

        assertUniformRejection(tokenForAudience("some-other-api"));
    }

    @Test
    void rejectsUnsignedTokenWithAlgNone() {
        String valid = token("unsigned", claims -> {});
        assertAccepted(valid);

        assertUniformRejection(new PlainJWT(claimsOf(valid)).serialize());
        assertUniformRejection(withAlgNone(valid));
    }

    @Test
    void rejectsTokenWhoseClaimsWereChangedAfterSigning() {
        String valid = token("tampered", claims -> {});
        assertAccepted(valid);

        assertUniformRejection(withTamperedClaims(valid));
    }

    @Test
    void rejectsTokenSignedWithAKeyTheIssuerDoesNotPublish() {
        String valid = token("foreign-key", claims -> {});
        assertAccepted(valid);

        assertUniformRejection(signedWithForeignKey(valid, "unknown-" + UUID.randomUUID()));
        assertUniformRejection(signedWithForeignKey(valid, keyIdOf(valid)));
    }

    @Test
    void rejectsTokenWithoutTenant() {
        assertAccepted(token("with-tenant", claims -> {}));

        assertUniformRejection(tokenWithoutTenant());
    }

    @Test
    void rejectsTokenWithSeveralTenants() {
        assertAccepted(token("one-tenant", claims -> claims.put("tenant", List.of(tenant))));

        assertUniformRejection(tokenWithSeveralTenants());
    }

    @Test
    void rejectsTokenOfTenantThatDoesNotExist() {
        assertAccepted(token("known-tenant", claims -> {}));

        assertUniformRejection(tokenOfUnknownTenant());
    }

    @Test
    void rejectsTokenOfArchivedTenant() {
        String archived = newTenant("edge-archived");
        String token = ISSUER.token("archived", archived, "tenant-admin");
        assertAccepted(token);

        archive(archived);

        assertUniformRejection(token);
    }

    @Test
    void rejectsTokenWithoutSubject() {
        assertAccepted(token("with-subject", claims -> {}));

        assertUniformRejection(tokenWithSubject(null));
        assertUniformRejection(tokenWithSubject(""));
        assertUniformRejection(tokenWithSubject(" \t"));
    }

    /** Whatever the roles: a subject-less caller would be an admin without a name, or a fund manager without grants to look up. */
    @Test
    void rejectsTokenWithoutSubjectWhateverItsRoles() {
        for (String role : List.of("tenant-admin", "fund-manager", "assessor", "reviewer", "integration")) {
            assertAccepted(ISSUER.token(role + "-with-subject", tenant, role));
            assertUniformRejection(ISSUER.tokenWithSubjectClaim(null, tenant, role));
            assertUniformRejection(ISSUER.tokenWithSubjectClaim("", tenant, role));
        }
        assertAccepted(ISSUER.token("platform-with-subject", null, "platform-admin"));
        assertUniformRejection(ISSUER.tokenWithSubjectClaim(null, null, "platform-admin"));
        assertUniformRejection(ISSUER.tokenWithSubjectClaim("", null, "platform-admin"));
    }

    /**
     * A token that authenticates but carries no role of this API is refused as a whole with 403 and a
     * GraphQL-shaped error that does not list the roles there are, before any resolver runs: the
     * mutation in the same request creates nothing, and no server error is counted.
     */
    @Test
    void refusesTokenWithoutAKnownRoleBeforeAnyResolverRuns() {
        String firm = newTenant("edge-roleless");
        double failuresBefore = serverFailures();
        List<String> roleless = List.of(
                token(
                        "unknown-roles",
                        claims -> claims.put(
                                "realm_access", Map.of("roles", List.of("auditor", "TENANT-ADMIN", "tenant_admin")))),
                token("empty-roles", claims -> claims.put("realm_access", Map.of("roles", List.of()))),
                token("no-roles-claim", claims -> claims.remove("realm_access")),
                ISSUER.token("roleless@" + firm, firm, "admin", "viewer"));
        for (String token : roleless) {
            Answer answer = answer(http().post()
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("query", CREATE_FUND))
                    .exchange());

            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.headers().get("content-type")).containsExactly("application/graphql-response+json");
            assertThat(answer.body())
                    .isEqualTo(
                            "{\"errors\":[{\"message\":\"The token carries no role of this API\",\"extensions\":{\"classification\":\"FORBIDDEN\"}}]}");
            assertThat(answer.headers()).doesNotContainKey("www-authenticate");
        }
        graphQl(usersOf(firm).tenantAdmin())
                .document("{ funds { totalCount } }")
                .execute()
                .path("funds.totalCount")
                .entity(Integer.class)
                .isEqualTo(0);
        graphQl(usersOf(tenant).tenantAdmin())
                .document("{ funds(filter: {nameContains: \"Roleless\"}) { totalCount } }")
                .execute()
                .path("funds.totalCount")
                .entity(Integer.class)
                .isEqualTo(0);
        assertThat(serverFailures()).as("server failures counted").isEqualTo(failuresBefore);
    }

    /** The same answer, byte for byte, whichever check fails: nothing in it tells which one did. */
    @Test
    void everyRejectionIsTheSameAnswer() {
        Instant now = Instant.now();
        String valid = token("alike", claims -> {});
        String archived = newTenant("edge-alike");
        archive(archived);

        List<Answer> answers = Stream.of(
                        "not-a-jwt",
                        expiredToken(now),
                        notYetValidToken(now),
                        tokenWithoutExpiry(),
                        tokenOfIssuer(otherIssuerUri()),
                        tokenForAudience("some-other-api"),
                        withAlgNone(valid),
                        withTamperedClaims(valid),
                        signedWithForeignKey(valid, "unknown-" + UUID.randomUUID()),
                        tokenWithoutTenant(),
                        tokenWithSeveralTenants(),
                        tokenOfUnknownTenant(),
                        ISSUER.token("archived", archived, "tenant-admin"),
                        tokenWithSubject(null),
                        tokenWithSubject(""),
                        ISSUER.tokenWithSubjectClaim(null, tenant, "fund-manager"))
                .map(TokenEdgeCasesIT.this::answerTo)
                .toList();

        assertThat(answers).containsOnly(answers.get(0));
        assertThat(answers.get(0).status()).isEqualTo(401);
        assertThat(answers.get(0).body()).isEqualTo(UNAUTHORIZED_BODY);
        assertThat(answers.get(0).headers().get("content-type")).containsExactly("application/graphql-response+json");
        assertThat(answers.get(0).headers().get("www-authenticate")).containsExactly("Bearer error=\"invalid_token\"");
    }

    /** RFC 6750: a request that sent no token gets the challenge without an error code; the body is every 401's. */
    @Test
    void requestWithoutTokenGetsTheBareChallenge() {
        Answer answer = answer(http().post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(VIEWER_QUERY)
                .exchange());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo(UNAUTHORIZED_BODY);
        assertThat(answer.headers().get("www-authenticate")).containsExactly("Bearer");
    }

    /** The requests, or parts of them, that failed on the server so far ({@code FailureLog}). */
    private double serverFailures() {
        return meters.find("diligence.failures").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    // the defective tokens

    private String expiredToken(Instant now) {
        return token("expired", claims -> expiringAt(claims, now.minus(BEYOND_SKEW)));
    }

    private String notYetValidToken(Instant now) {
        return token("early", claims -> claims.put("nbf", Date.from(now.plus(BEYOND_SKEW))));
    }

    private String tokenWithoutExpiry() {
        return token("eternal", claims -> claims.put("exp", null));
    }

    private String tokenOfIssuer(String issuer) {
        return token("foreign-issuer", claims -> claims.put("iss", issuer));
    }

    private String tokenForAudience(String audience) {
        return token("foreign-audience", claims -> claims.put("aud", audience));
    }

    /** A token whose {@code sub} claim is {@code subject}; null leaves it out. */
    private String tokenWithSubject(String subject) {
        return token("replaced", claims -> claims.put("sub", subject));
    }

    private String tokenWithoutTenant() {
        return token("no-tenant", claims -> claims.remove("tenant"));
    }

    private String tokenWithSeveralTenants() {
        String other = newTenant("edge-other");
        return token("two-tenants", claims -> claims.put("tenant", List.of(tenant, other)));
    }

    private String tokenOfUnknownTenant() {
        return token("ghost", claims -> claims.put("tenant", TenantRows.uniqueKey("edge-ghost")));
    }

    /** A token of a tenant admin of the test tenant, with the claims changed by {@code defect}. */
    private static String token(String subject, Consumer<Map<String, Object>> defect) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("tenant", tenant);
        claims.put("realm_access", Map.of("roles", List.of("tenant-admin")));
        defect.accept(claims);
        return ISSUER.token(subject, TestIssuer.AUDIENCE, claims);
    }

    /** Expiry at {@code expiry}, issued five minutes before (the decoder refuses expiry before issue). */
    private static void expiringAt(Map<String, Object> claims, Instant expiry) {
        claims.put("iat", Date.from(expiry.minus(Duration.ofMinutes(5))));
        claims.put("nbf", Date.from(expiry.minus(Duration.ofMinutes(5))));
        claims.put("exp", Date.from(expiry));
    }

    private static String otherIssuerUri() {
        String trusted = ISSUER.issuerUri();
        String other = trusted.replace("/" + TestIssuer.ISSUER_ID, "/other");
        assertThat(other).isNotEqualTo(trusted);
        return other;
    }

    /** The trusted issuer's URL with the other name of the same host: a different issuer all the same. */
    private static String trustedIssuerOnOtherHostName() {
        URI trusted = URI.create(ISSUER.issuerUri());
        String otherName = trusted.getHost().equals("localhost") ? "127.0.0.1" : "localhost";
        return UriComponentsBuilder.fromUri(trusted).host(otherName).toUriString();
    }

    /** The token's own header and claims with {@code "alg": "none"} and no signature. */
    private static String withAlgNone(String token) {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return header + "." + token.split("\\.")[1] + ".";
    }

    /** The token with another subject but the original signature. */
    private static String withTamperedClaims(String token) {
        String[] parts = token.split("\\.");
        JWTClaimsSet changed = new JWTClaimsSet.Builder(claimsOf(token))
                .subject("someone-else")
                .build();
        return parts[0] + "." + base64Url(changed.toString()) + "." + parts[2];
    }

    /** The token's claims signed by a fresh RSA key that the issuer does not publish. */
    private static String signedWithForeignKey(String token, String keyId) {
        try {
            RSAKey foreign = new RSAKeyGenerator(2048).keyID(keyId).generate();
            SignedJWT forged = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(keyId)
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claimsOf(token));
            forged.sign(new RSASSASigner(foreign));
            return forged.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keyIdOf(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claimsOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private void archive(String tenantKey) {
        graphQl(platformAdminToken())
                .documentName("archiveTenant")
                .variable("input", Map.of("key", tenantKey))
                .execute()
                .path("archiveTenant.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("archiveTenant.tenant.status")
                .entity(String.class)
                .isEqualTo("ARCHIVED");
    }

    // the answers

    private void assertAccepted(String token) {
        Answer answer = answerTo(token);
        assertThat(answer.status()).as("a token without the defect is accepted").isEqualTo(200);
        assertThat(answer.body()).contains("\"subject\"").doesNotContain("\"errors\"");
    }

    private void assertUniformRejection(String token) {
        Answer answer = answerTo(token);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer)
                .as("the same answer as to a token that is not even a JWT")
                .isEqualTo(answerTo("not-a-jwt"));
        assertThat(answer.body()).isEqualTo(UNAUTHORIZED_BODY);
        assertThat(answer.headers().get("www-authenticate")).containsExactly("Bearer error=\"invalid_token\"");
        assertThat(answer.headers().get("content-type")).containsExactly("application/graphql-response+json");
    }

    private Answer answerTo(String token) {
        return answer(http().post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(VIEWER_QUERY)
                .exchange());
    }

    private static Answer answer(WebTestClient.ResponseSpec response) {
        EntityExchangeResult<byte[]> result = response.expectBody().returnResult();
        Map<String, List<String>> headers = new TreeMap<>();
        result.getResponseHeaders().forEach((name, values) -> {
            String lowerCase = name.toLowerCase(Locale.ROOT);
            if (!VARYING_HEADERS.contains(lowerCase)) {
                headers.put(lowerCase, List.copyOf(values));
            }
        });
        byte[] body = result.getResponseBody();
        return new Answer(
                result.getStatus().value(), headers, body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    /** What a client sees of an answer, without the headers that differ on every request. */
    private record Answer(int status, Map<String, List<String>> headers, String body) {}
}
