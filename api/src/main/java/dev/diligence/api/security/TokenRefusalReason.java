package dev.diligence.api.security;

import com.nimbusds.jose.proc.BadJOSEException;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Why a request was refused with 401, as a category for the log line: {@code no token},
 * {@code malformed or unsigned token}, {@code signature not verified}, {@code expired},
 * {@code not yet valid}, {@code no expiry}, {@code <claim> claim not valid} (the claim's name:
 * {@code iss}, {@code aud}, {@code sub}; {@code token not accepted} for a check of another kind),
 * {@code tenant not accepted}; a token that is not a signed JWT, or a malformed header, is
 * {@code malformed or unsigned token}.
 * Never the token, a claim's value or Spring's message (which names the expiry time, say). The
 * answer to the client is the same for all of them ({@link UniformAuthenticationEntryPoint}).
 */
final class TokenRefusalReason {

    private static final Pattern INVALID_CLAIM = Pattern.compile("The (\\w{1,32}) claim is not valid");

    private TokenRefusalReason() {}

    static String of(AuthenticationException failure) {
        if (!(failure instanceof OAuth2AuthenticationException)) {
            return "no token";
        }
        if (CallerAuthenticationConverter.TENANT_REJECTED.equals(failure.getMessage())) {
            return "tenant not accepted";
        }
        JwtValidationException invalid = causeOf(failure, JwtValidationException.class);
        if (invalid != null) {
            return ofClaims(invalid.getErrors());
        }
        if (causeOf(failure, BadJOSEException.class) != null) {
            return "signature not verified";
        }
        return "malformed or unsigned token";
    }

    private static String ofClaims(Collection<OAuth2Error> errors) {
        return errors.stream()
                .map(error -> ofClaim(String.valueOf(error.getDescription())))
                .distinct()
                .sorted()
                .collect(Collectors.joining(", "));
    }

    private static String ofClaim(String description) {
        if (description.startsWith("Jwt expired")) {
            return "expired";
        }
        if (description.startsWith("Jwt used before")) {
            return "not yet valid";
        }
        if (description.equals("exp is required")) {
            return "no expiry";
        }
        Matcher claim = INVALID_CLAIM.matcher(description);
        return claim.matches() ? claim.group(1) + " claim not valid" : "token not accepted";
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
