package dev.diligence.api.sync;

import dev.diligence.api.fund.FundView;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.sync.SyncInput.SyncFundInput;
import dev.diligence.api.sync.SyncResults.SyncItemOutcome;
import dev.diligence.api.sync.SyncResults.SyncItemResult;
import dev.diligence.domain.fund.Fund;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.fund.FundProfile;
import dev.diligence.domain.fund.Funds;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.sync.SyncReferences;
import dev.diligence.domain.sync.SyncedType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Upserts one fund of a sync, matched by (source, external ID) in {@link SyncReferences}. The rules
 * are the aggregate's ({@link Fund#open}, {@link Fund#revise}) and the service's name uniqueness,
 * checked before anything is written, so that a failing item writes nothing and never reaches a
 * database constraint (which would abort the whole transaction). An update replaces every attribute:
 * an absent {@code targetSize} clears it.
 */
@Component
class FundSyncStep {

    private final Funds funds;
    private final SyncReferences references;
    private final SyncAudit audit;

    FundSyncStep(Funds funds, SyncReferences references, SyncAudit audit) {
        this.funds = funds;
        this.references = references;
        this.audit = audit;
    }

    SyncItemResult apply(SyncRun run, SyncFundInput item) {
        List<Violation> invalidId = run.checkExternalId("fund", item.externalId());
        if (!invalidId.isEmpty()) {
            return SyncItemResult.failed(item.externalId(), invalidId);
        }
        FundProfile desired = new FundProfile(item.name(), item.vintageYear(), item.strategy(), item.currency(), item.targetSize())
                .normalized();
        try {
            Optional<UUID> known = references.find(SyncedType.FUND, run.source(), item.externalId());
            return known.isEmpty() ? create(run, item, desired) : update(run, item, new FundId(known.get()), desired);
        } catch (RuleViolationException violation) {
            return SyncItemResult.failed(item.externalId(), violation.violations());
        }
    }

    private SyncItemResult create(SyncRun run, SyncFundInput item, FundProfile desired) {
        Fund fund = Fund.open(desired, run.year(), run.now());
        requireUniqueName(fund, Optional.empty());
        Fund created = funds.add(fund);
        references.add(SyncedType.FUND, run.source(), item.externalId(), created.id().value());
        audit.record(FundView.TYPE, created.id().value(), null, FundView.of(created), run.source(), item.externalId());
        run.resolved(item.externalId(), created.id());
        return SyncItemResult.of(item.externalId(), SyncItemOutcome.CREATED, id(created));
    }

    private SyncItemResult update(SyncRun run, SyncFundInput item, FundId id, FundProfile desired) {
        Fund current = funds.find(id).orElseThrow(() -> new IllegalStateException("a sync reference names a missing fund"));
        run.resolved(item.externalId(), id);
        if (same(current.profile(), desired)) {
            return SyncItemResult.of(item.externalId(), SyncItemOutcome.UNCHANGED, id(current));
        }
        // revise() checks the state (archived funds never change) and the rules; it keeps attributes
        // given as null, which a sync clears instead (only the optional targetSize can be null here).
        Fund revised = current.revise(desired, current.version(), run.year(), run.now());
        Fund replaced = new Fund(revised.id(), desired, revised.status(), revised.version(), revised.createdAt(), revised.updatedAt());
        requireUniqueName(replaced, Optional.of(id));
        Fund updated = funds.update(replaced);
        audit.record(FundView.TYPE, id.value(), FundView.of(current), FundView.of(updated), run.source(), item.externalId());
        return SyncItemResult.of(item.externalId(), SyncItemOutcome.UPDATED, id(updated));
    }

    private void requireUniqueName(Fund fund, Optional<FundId> self) {
        if (funds.nameTaken(fund.profile().name(), self)) {
            throw new RuleViolationException(Violation.of("name", ViolationCode.ALREADY_EXISTS, "another fund already has this name"));
        }
    }

    /** Whether the stored profile already says exactly this (decimals compared by value). */
    private static boolean same(FundProfile stored, FundProfile desired) {
        return Objects.equals(stored.name(), desired.name()) && Objects.equals(stored.vintageYear(), desired.vintageYear())
                && stored.strategy() == desired.strategy() && Objects.equals(stored.currency(), desired.currency())
                && sameNumber(stored.targetSize(), desired.targetSize());
    }

    static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String id(Fund fund) {
        return GlobalId.encode(FundView.TYPE, fund.id().value());
    }
}
