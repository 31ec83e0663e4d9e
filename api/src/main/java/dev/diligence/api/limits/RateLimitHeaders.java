package dev.diligence.api.limits;

import java.util.function.BiConsumer;

/**
 * The caller's budget as HTTP header fields, in the form of the IETF draft "RateLimit header fields
 * for HTTP" (draft-ietf-httpapi-ratelimit-headers-09): one policy named {@value #POLICY}, whose quota
 * {@code q} is the bucket's capacity in cost points and whose window {@code w} is the seconds an
 * empty bucket takes to fill; {@code r} is what is left after this request and {@code t} the
 * seconds until the bucket is full again.
 */
final class RateLimitHeaders {

    static final String POLICY_HEADER = "RateLimit-Policy";
    static final String LIMIT_HEADER = "RateLimit";
    private static final String POLICY = "cost";

    private RateLimitHeaders() {}

    /** Sets both fields through {@code header} (name, value). */
    static void write(CallerAllowance.ThrottleStatus status, BiConsumer<String, String> header) {
        header.accept(POLICY_HEADER, "\"%s\";q=%d;w=%d".formatted(POLICY, status.maximumAvailable(), status.window()));
        header.accept(
                LIMIT_HEADER,
                "\"%s\";r=%d;t=%d".formatted(POLICY, status.currentlyAvailable(), status.secondsToFull()));
    }
}
