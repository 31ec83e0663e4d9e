package dev.diligence.domain.company;

import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The identity of a company in another system (a CRM such as DealCloud or Salesforce). Unique per
 * tenant: one company per (source, external id), and one external id per source and company.
 *
 * @param source     the other system, e.g. {@code dealcloud}: 1 to 50 letters, digits, '.', '_' or '-'
 * @param externalId the company's id there, 1 to 200 characters
 */
public record ExternalReference(
        @Nullable String source, @Nullable String externalId) {

    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9._-]{1,50}");
    public static final int EXTERNAL_ID_MAX_LENGTH = 200;

    /** Violations of this reference, reported under {@code field} (e.g. {@code externalReferences.0}). */
    public void check(List<String> field, List<Violation> out) {
        if (source == null || !SOURCE.matcher(source).matches()) {
            out.add(new Violation(
                    append(field, "source"),
                    ViolationCode.INVALID,
                    "source must be 1 to 50 letters, digits, '.', '_' or '-'"));
        }
        if (externalId == null || externalId.isBlank()) {
            out.add(new Violation(append(field, "externalId"), ViolationCode.REQUIRED, "externalId must not be blank"));
        } else if (externalId.length() > EXTERNAL_ID_MAX_LENGTH) {
            out.add(new Violation(
                    append(field, "externalId"),
                    ViolationCode.TOO_LONG,
                    "externalId must be at most " + EXTERNAL_ID_MAX_LENGTH + " characters"));
        }
    }

    private static List<String> append(List<String> path, String last) {
        return Stream.concat(path.stream(), Stream.of(last)).toList();
    }
}
