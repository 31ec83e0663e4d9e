package dev.diligence.domain.holding;

import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.time.Instant;
import java.util.Objects;

/**
 * A company in a fund. Invariants: the terms are valid; the deal stage only moves along
 * {@link DealStage#canMoveTo}; {@code version} grows by one with every stored change.
 */
public record Holding(
        HoldingId id,
        FundId fund,
        CompanyId company,
        HoldingTerms terms,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Holding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fund, "fund");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(terms, "terms");
    }

    /** A new holding of {@code company} in {@code fund}, in any stage, if the terms are valid. */
    public static Holding open(FundId fund, CompanyId company, HoldingTerms terms, Instant now) {
        RuleViolationException.throwIfAny(terms.violations());
        return new Holding(HoldingId.random(), fund, company, terms, 0, now, now);
    }

    /** This holding with the non-null attributes of {@code changes} applied. */
    public Holding revise(HoldingTerms changes, long expectedVersion, Instant now) {
        requireVersion(expectedVersion);
        HoldingTerms revised = terms.with(changes);
        DealStage from = terms.dealStage();
        if (from != null && revised.dealStage() != null && !from.canMoveTo(revised.dealStage())) {
            throw new RuleViolationException(Violation.of(
                    "dealStage",
                    ViolationCode.INVALID_STATE,
                    "a holding cannot move from " + from + " to " + revised.dealStage()
                            + (from.next().isEmpty() ? "; " + from + " is final" : "; allowed: " + from.next())));
        }
        RuleViolationException.throwIfAny(revised.violations());
        return new Holding(id, fund, company, revised, version, createdAt, now);
    }

    /** Fails unless {@code expectedVersion} is the current version. */
    public void requireVersion(long expectedVersion) {
        if (expectedVersion != version) {
            throw new RuleViolationException(Violation.of(
                    "expectedVersion",
                    ViolationCode.STALE_VERSION,
                    "the holding was changed since version " + expectedVersion + "; its current version is "
                            + version));
        }
    }
}
