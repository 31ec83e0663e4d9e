package dev.diligence.domain.fund;

import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.shared.paging.Listed;
import java.time.Instant;
import java.time.Year;
import java.util.Objects;
import java.util.UUID;

/**
 * A fund of an investment firm. Invariants: the profile is valid; an archived fund is never changed
 * again; {@code version} grows by one with every stored change and guards against lost updates.
 */
public record Fund(
        FundId id, FundProfile profile, FundStatus status, long version, Instant createdAt, Instant updatedAt)
        implements Listed {

    public Fund {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(status, "status");
    }

    @Override
    public UUID listId() {
        return id.value();
    }

    @Override
    public String listName() {
        return profile.name();
    }

    /** A new active fund, if {@code profile} is valid in {@code now}'s year. */
    public static Fund open(FundProfile profile, Year currentYear, Instant now) {
        FundProfile normalized = profile.normalized();
        RuleViolationException.throwIfAny(normalized.violations(currentYear));
        return new Fund(FundId.random(), normalized, FundStatus.ACTIVE, 0, now, now);
    }

    /**
     * This fund with the non-null attributes of {@code changes} applied.
     *
     * @throws RuleViolationException when the version is stale, the fund archived or the result invalid
     */
    public Fund revise(FundProfile changes, long expectedVersion, Year currentYear, Instant now) {
        requireVersion(expectedVersion);
        requireActive();
        FundProfile revised = new FundProfile(
                        changes.name() != null ? changes.name() : profile.name(),
                        changes.vintageYear() != null ? changes.vintageYear() : profile.vintageYear(),
                        changes.strategy() != null ? changes.strategy() : profile.strategy(),
                        changes.currency() != null ? changes.currency() : profile.currency(),
                        changes.targetSize() != null ? changes.targetSize() : profile.targetSize())
                .normalized();
        RuleViolationException.throwIfAny(revised.violations(currentYear));
        return new Fund(id, revised, status, version, createdAt, now);
    }

    /** This fund archived. A null {@code expectedVersion} archives whatever the current version is. */
    public Fund archive(Long expectedVersion, Instant now) {
        if (expectedVersion != null) {
            requireVersion(expectedVersion);
        }
        requireActive();
        return new Fund(id, profile, FundStatus.ARCHIVED, version, createdAt, now);
    }

    private void requireVersion(long expectedVersion) {
        if (expectedVersion != version) {
            throw new RuleViolationException(Violation.of(
                    "expectedVersion",
                    ViolationCode.STALE_VERSION,
                    "the fund was changed since version " + expectedVersion + "; its current version is " + version));
        }
    }

    private void requireActive() {
        if (status == FundStatus.ARCHIVED) {
            throw new RuleViolationException(Violation.general(ViolationCode.INVALID_STATE, "the fund is archived"));
        }
    }
}
