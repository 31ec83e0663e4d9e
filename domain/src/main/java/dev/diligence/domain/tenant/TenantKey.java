package dev.diligence.domain.tenant;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The immutable, human-readable key of a tenant: the value that tokens carry in their tenant claim.
 * A lowercase slug of 2 to 63 characters: letters, digits and single hyphens, starting with a letter
 * and not ending with a hyphen.
 */
public record TenantKey(String value) {

    private static final Pattern SLUG = Pattern.compile("[a-z](?:[a-z0-9]|-(?=[a-z0-9])){1,62}");

    public TenantKey {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a tenant key: " + value);
        }
    }

    public static boolean isValid(@Nullable String value) {
        return value != null && SLUG.matcher(value).matches();
    }

    public static Optional<TenantKey> parse(@Nullable String value) {
        return isValid(value) ? Optional.of(new TenantKey(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
