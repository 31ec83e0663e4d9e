package dev.diligence.domain.access;

import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Access of one person (by token subject) to one fund. A fund manager reads only the funds granted
 * to them and what is reachable through those funds; other roles read tenant-wide.
 */
public record FundGrant(UUID id, FundId fund, String subject, String grantedBy, Instant grantedAt) {

    public static final int SUBJECT_MAX_LENGTH = 255;

    public FundGrant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fund, "fund");
        Objects.requireNonNull(subject, "subject");
    }

    /** A new grant of {@code fund} to {@code subject}, if the subject is a plausible token subject. */
    public static FundGrant of(FundId fund, @Nullable String subject, String grantedBy, Instant now) {
        if (subject == null || subject.isBlank()) {
            throw new RuleViolationException(
                    Violation.of("subject", ViolationCode.REQUIRED, "subject must not be blank"));
        }
        if (subject.length() > SUBJECT_MAX_LENGTH) {
            throw new RuleViolationException(Violation.of(
                    "subject",
                    ViolationCode.TOO_LONG,
                    "subject must be at most " + SUBJECT_MAX_LENGTH + " characters"));
        }
        return new FundGrant(UUID.randomUUID(), fund, subject.strip(), grantedBy, now);
    }
}
