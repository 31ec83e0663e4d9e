package dev.diligence.domain.assessment;

import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One piece of evidence behind a criterion score. Invariants (checked by {@link #of}): the value is
 * non-blank, stripped and at most {@value #VALUE_MAX_LENGTH} characters; a {@code LINK} is an
 * absolute http or https URL with a host; {@code addedBy} is the subject who collected it.
 *
 * @param id identifies the item inside its assessment, so it can be removed
 */
public record EvidenceItem(UUID id, EvidenceKind kind, String value, String addedBy, Instant addedAt) {

    public static final int VALUE_MAX_LENGTH = 4000;

    public EvidenceItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(addedBy, "addedBy");
        Objects.requireNonNull(addedAt, "addedAt");
    }

    /**
     * A new, valid evidence item.
     *
     * @throws RuleViolationException with violations at {@code ["evidence", attribute]}
     */
    public static EvidenceItem of(EvidenceKind kind, String value, String addedBy, Instant addedAt) {
        String stripped = value.strip();
        RuleViolationException.throwIfAny(violations(kind, stripped));
        return new EvidenceItem(UUID.randomUUID(), kind, stripped, addedBy, addedAt);
    }

    static List<Violation> violations(EvidenceKind kind, String value) {
        List<Violation> out = new ArrayList<>();
        List<String> field = List.of("evidence", "value");
        if (value.isBlank()) {
            out.add(new Violation(field, ViolationCode.REQUIRED, "an evidence item needs a value"));
        } else if (value.length() > VALUE_MAX_LENGTH) {
            out.add(new Violation(
                    field,
                    ViolationCode.TOO_LONG,
                    "an evidence value must be at most " + VALUE_MAX_LENGTH + " characters"));
        } else if (kind == EvidenceKind.LINK && !isWebUrl(value)) {
            out.add(new Violation(field, ViolationCode.INVALID, "a link must be an absolute http or https URL"));
        }
        return out;
    }

    private static boolean isWebUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.isAbsolute()
                    && (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
