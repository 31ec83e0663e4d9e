package dev.diligence.api.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-origin access for browser front ends served from other origins.
 *
 * @param allowedOrigins origins (scheme, host and port, e.g. {@code https://app.example.com}) whose
 *                       scripts may call the API; a comma-separated list in an environment variable
 *                       ({@code DILIGENCE_CORS_ALLOWED_ORIGINS}). None by default: no CORS headers are
 *                       sent and browsers keep other origins out.
 */
@ConfigurationProperties("diligence.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream()
                        .map(String::strip)
                        .filter(origin -> !origin.isEmpty())
                        .toList();
        for (String origin : allowedOrigins) {
            if (origin.equals("*") || origin.endsWith("/")) {
                throw new IllegalArgumentException("diligence.cors.allowed-origins takes exact origins such as"
                        + " https://app.example.com (no wildcard, no trailing slash): " + origin);
            }
        }
    }
}
