package dev.diligence.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A {@link JwtDecoder} that verifies each distinct token's signature once: a client sends the same
 * bearer token with every request until it expires, and checking its RSA signature again each time
 * was a tenth of the API's time per {@code node(id)} lookup.
 *
 * <p>Contract: only a token that {@code decoder} accepted is cached, keyed by its exact text (header,
 * claims and signature), so a hit is a token whose signature was verified. Every hit is validated
 * again by {@code validator} (expiry, not-before, subject, issuer, audience): a cached token stops
 * being accepted at its expiry exactly as an uncached one. A token is trusted for at most
 * {@code ttl} after its signature was checked, which bounds how long a key the issuer withdraws
 * still verifies tokens it signed. Refusals are never cached.
 */
final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    VerifiedTokenCache(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, long maxTokens, Duration ttl) {
        this.decoder = decoder;
        this.validator = validator;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .expireAfterWrite(ttl)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            Jwt decoded = decoder.decode(token);
            verified.put(token, decoded);
            return decoded;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException("the token is no longer valid", result.getErrors());
        }
        return known;
    }
}
