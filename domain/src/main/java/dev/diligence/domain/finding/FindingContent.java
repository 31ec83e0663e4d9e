package dev.diligence.domain.finding;

import dev.diligence.domain.framework.StandardReference;
import dev.diligence.domain.shared.Text;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a finding says and who acts on it. Valid ({@link #violations}) means: a non-blank title of at
 * most {@value #TITLE_MAX_LENGTH} characters; description and remediation plan of at most
 * {@value #TEXT_MAX_LENGTH} characters.
 *
 * @param owner      subject of the person responsible for remediation, if assigned
 * @param references clauses of external frameworks the finding cites (NIST AI RMF, EU AI Act, ISO/IEC 42001)
 */
public record FindingContent(
        String title,
        String description,
        Severity severity,
        @Nullable String owner,
        @Nullable LocalDate dueDate,
        @Nullable String remediationPlan,
        List<StandardReference> references) {

    public static final int TITLE_MAX_LENGTH = 200;
    public static final int TEXT_MAX_LENGTH = 10_000;

    public FindingContent {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(severity, "severity");
        references = List.copyOf(references);
    }

    /** A finding with only a title, description and severity. */
    public static FindingContent of(String title, String description, Severity severity) {
        return new FindingContent(title, description, severity, null, null, null, List.of());
    }

    /** This content with the title, description and plan stripped of surrounding whitespace. */
    public FindingContent stripped() {
        return new FindingContent(
                title.strip(),
                description.strip(),
                severity,
                owner,
                dueDate,
                remediationPlan == null ? null : remediationPlan.strip(),
                references);
    }

    public List<Violation> violations() {
        List<Violation> out = new ArrayList<>();
        Text.requireName(title, "title", TITLE_MAX_LENGTH, out);
        tooLong(description, "description", out);
        tooLong(remediationPlan, "remediationPlan", out);
        return out;
    }

    private static void tooLong(@Nullable String value, String field, List<Violation> out) {
        if (value != null && value.strip().length() > TEXT_MAX_LENGTH) {
            out.add(Violation.of(
                    field, ViolationCode.TOO_LONG, field + " must be at most " + TEXT_MAX_LENGTH + " characters"));
        }
    }
}
