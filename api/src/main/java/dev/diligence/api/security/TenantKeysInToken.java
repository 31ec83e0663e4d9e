package dev.diligence.api.security;

import dev.diligence.api.security.TokenProperties.TenantSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The firm keys a token names, as raw strings; the caller decides what zero, one or several mean.
 * <ul>
 * <li>{@link TenantSource#CLAIM}: the configured claim, a string or a list of strings.</li>
 * <li>{@link TenantSource#ORGANIZATION}: Keycloak 26's {@value #ORGANIZATION_CLAIM} claim, which is
 * a list of organization aliases ({@code ["acme"]}) or, when the mapper adds the organization's ID or
 * attributes, a map from alias to details ({@code {"acme": {"id": "..."}}}); the aliases are the keys.</li>
 * </ul>
 * A claim of another shape names no key; an unusable entry in a list counts as an invalid key.
 */
final class TenantKeysInToken {

    static final String ORGANIZATION_CLAIM = "organization";

    private TenantKeysInToken() {}

    static List<String> of(Map<String, Object> claims, TenantSource source, String tenantClaim) {
        return switch (source) {
            case CLAIM -> strings(claims.get(tenantClaim));
            case ORGANIZATION ->
                claims.get(ORGANIZATION_CLAIM) instanceof Map<?, ?> organizations
                        ? strings(organizations.keySet())
                        : strings(claims.get(ORGANIZATION_CLAIM));
        };
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof String text) {
            return text.isBlank() ? List.of() : List.of(text);
        }
        if (claim instanceof Collection<?> values) {
            // an entry that is not a usable string still counts, so that a list with one cannot pass for a single key
            return values.stream()
                    .map(value -> value instanceof String text && !text.isBlank() ? text : "")
                    .distinct()
                    .toList();
        }
        return List.of();
    }
}
