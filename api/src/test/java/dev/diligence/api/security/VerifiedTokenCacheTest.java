package dev.diligence.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A token's signature is verified once; its claims are validated on every use; refusals are never remembered. */
class VerifiedTokenCacheTest {

    private final List<String> verified = new ArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T10:00:00Z"));

    /** Accepts tokens named "good-*" (expiring at 10:05) and refuses every other token, recording each signature check. */
    private final JwtDecoder signatures = token -> {
        verified.add(token);
        if (!token.startsWith("good-")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("frank")
                .issuedAt(Instant.parse("2026-12-07T09:55:00Z"))
                .expiresAt(Instant.parse("2026-12-07T10:05:00Z"))
                .build();
    };

    /** Refuses a token once the test's clock passes its expiry, as the timestamp validator does. */
    private final OAuth2TokenValidator<Jwt> expiry = jwt -> now.get().isAfter(jwt.getExpiresAt())
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "expired", null))
            : OAuth2TokenValidatorResult.success();

    private final VerifiedTokenCache cache = new VerifiedTokenCache(signatures, expiry, 100, Duration.ofMinutes(5));

    @Test
    void aTokenSentAgainIsNotVerifiedAgain() {
        Jwt first = cache.decode("good-1");
        Jwt again = cache.decode("good-1");

        assertThat(again).isSameAs(first);
        assertThat(verified).containsExactly("good-1");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        cache.decode("good-1");
        now.set(Instant.parse("2026-12-07T10:06:00Z"));

        assertThatThrownBy(() -> cache.decode("good-1")).isInstanceOf(JwtValidationException.class);
        assertThat(verified).containsExactly("good-1");
    }

    @Test
    void aRefusedTokenIsCheckedAgainEveryTime() {
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verified).containsExactly("forged", "forged");
    }

    @Test
    void tokensAreRememberedByTheirWholeText() {
        cache.decode("good-1");
        cache.decode("good-1.other-signature");

        assertThat(verified).containsExactly("good-1", "good-1.other-signature");
    }
}
