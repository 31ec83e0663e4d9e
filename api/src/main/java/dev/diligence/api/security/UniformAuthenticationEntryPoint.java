package dev.diligence.api.security;

import dev.diligence.api.refusal.Refusal;
import dev.diligence.api.refusal.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The one answer to every request that is not authenticated: HTTP 401, a fixed
 * {@code WWW-Authenticate} challenge and one fixed JSON body written by {@link Refusals} (on the
 * GraphQL path one error classified UNAUTHORIZED under {@code application/graphql-response+json},
 * elsewhere a problem detail). Whatever is wrong with a token (expired, not yet valid, foreign issuer
 * or audience, {@code alg: none}, bad signature, unknown key, no subject, no tenant, several, an
 * unknown or archived one), the answer is byte for byte the same, so that it tells a caller nothing
 * about which check failed. Spring's own entry point would name it in {@code error_description}.
 *
 * <p>A request without any token gets the bare challenge {@code Bearer} (RFC 6750, section 3.1:
 * no error code when no credentials were sent); one with a token gets
 * {@code Bearer error="invalid_token"}. The difference tells the caller only what it already knows.
 *
 * <p>Each refusal is one INFO line naming the failed check as a {@link TokenRefusalReason category},
 * never the token or its claims: operators see why, callers do not.
 */
final class UniformAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String NO_TOKEN_CHALLENGE = "Bearer";
    static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";
    static final String MESSAGE = "The request needs a valid bearer token";

    private static final Logger log = LoggerFactory.getLogger(UniformAuthenticationEntryPoint.class);
    private static final Refusal UNAUTHENTICATED =
            new Refusal(HttpStatus.UNAUTHORIZED.value(), ErrorType.UNAUTHORIZED.name(), MESSAGE, Map.of());

    private final Refusals refusals;

    UniformAuthenticationEntryPoint(Refusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        log.info("Refused 401: {}", TokenRefusalReason.of(failure));
        response.setHeader(
                HttpHeaders.WWW_AUTHENTICATE,
                failure instanceof OAuth2AuthenticationException ? INVALID_TOKEN_CHALLENGE : NO_TOKEN_CHALLENGE);
        refusals.write(request, response, UNAUTHENTICATED);
    }
}
