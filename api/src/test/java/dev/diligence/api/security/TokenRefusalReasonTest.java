package dev.diligence.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.proc.BadJWSException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * The log's reason for a 401, from the failures Spring Security really raises (its own validators'
 * errors), and never a claim's value: Spring's message of an expired token names the expiry time.
 */
class TokenRefusalReasonTest {

    private static final Instant EXPIRY = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void namesTheFailedCheckWithoutTheClaimsValues() {
        Jwt expired = jwt(Map.of("exp", EXPIRY, "iss", "https://evil.example.com/realms/x", "sub", "alice"));
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(30));

        String reason = TokenRefusalReason.of(
                refusal(expired, timestamps, new JwtIssuerValidator("https://id.example.com/realms/d")));

        assertThat(reason)
                .isEqualTo("expired, iss claim not valid")
                .doesNotContain("2026")
                .doesNotContain("evil");
    }

    @Test
    void namesEachTimeCheck() {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(30));
        timestamps.setAllowEmptyExpiryClaim(false);

        assertThat(TokenRefusalReason.of(refusal(jwt(Map.of("sub", "a")), timestamps)))
                .isEqualTo("no expiry");
        assertThat(TokenRefusalReason.of(refusal(
                        jwt(Map.of(
                                "sub",
                                "a",
                                "exp",
                                Instant.now().plusSeconds(900),
                                "nbf",
                                Instant.now().plusSeconds(600))),
                        timestamps)))
                .isEqualTo("not yet valid");
    }

    @Test
    void namesTheClaimOfAClaimCheck() {
        JwtClaimValidator<Object> subject =
                new JwtClaimValidator<>("sub", sub -> sub instanceof String text && !text.isBlank());

        assertThat(TokenRefusalReason.of(refusal(jwt(Map.of("sub", " ")), subject)))
                .isEqualTo("sub claim not valid");
    }

    @Test
    void tellsTokensThatCannotBeVerifiedFromMissingOnes() {
        BadJwtException badSignature = new BadJwtException(
                "An error occurred while attempting to decode the Jwt: Signed JWT rejected",
                new BadJWSException("Signed JWT rejected: Invalid signature"));

        assertThat(TokenRefusalReason.of(new InvalidBearerTokenException(badSignature.getMessage(), badSignature)))
                .isEqualTo("signature not verified");
        assertThat(TokenRefusalReason.of(
                        new InvalidBearerTokenException("Unsupported algorithm of none", new BadJwtException("x"))))
                .isEqualTo("malformed or unsigned token");
        assertThat(TokenRefusalReason.of(
                        new InvalidBearerTokenException(CallerAuthenticationConverter.TENANT_REJECTED)))
                .isEqualTo("tenant not accepted");
        assertThat(TokenRefusalReason.of(new InsufficientAuthenticationException("Full authentication is required")))
                .isEqualTo("no token");
    }

    @SafeVarargs
    private static InvalidBearerTokenException refusal(Jwt jwt, OAuth2TokenValidator<Jwt>... validators) {
        List<OAuth2Error> errors = Arrays.stream(validators)
                .flatMap(validator -> validator.validate(jwt).getErrors().stream())
                .toList();
        assertThat(errors).as("the token fails the checks").isNotEmpty();
        JwtValidationException invalid = new JwtValidationException("Unable to validate Jwt", errors);
        return new InvalidBearerTokenException(invalid.getMessage(), invalid);
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .claims(all -> all.putAll(claims))
                .build();
    }
}
