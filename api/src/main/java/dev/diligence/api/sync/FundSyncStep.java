package dev.diligence.api.sync;

import dev.diligence.api.fund.FundView;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.sync.SyncAudit.SyncedChange;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Upserts the funds of a sync, each matched by (source, external ID) in {@link SyncReferences}. The
 * rules are the aggregate's ({@link Fund#open}, {@link Fund#revise}) and the service's name
 * uniqueness, checked before anything of the item is written, so that a failing item writes nothing
 * and never reaches a database constraint (which would abort the whole transaction). An update
 * replaces every attribute: an absent {@code targetSize} clears it. A call carries few funds, so
 * each is written at once (the name check of the next one sees it); their references and audit
 * events are stored in one batch each at the end.
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

    List<SyncItemResult> applyAll(SyncRun run, List<SyncFundInput> items) {
        Map<String, UUID> createdReferences = new LinkedHashMap<>();
        List<SyncedChange> changes = new ArrayList<>();
        List<SyncItemResult> results = new ArrayList<>();
        for (SyncFundInput item : items) {
            results.add(apply(run, item, createdReferences, changes));
        }
        references.addAll(SyncedType.FUND, run.source(), createdReferences);
        audit.recordAll(run.source(), changes);
        return results;
    }

    private SyncItemResult apply(
            SyncRun run, SyncFundInput item, Map<String, UUID> createdReferences, List<SyncedChange> changes) {
        List<Violation> invalidId = run.checkExternalId("fund", item.externalId());
        if (!invalidId.isEmpty()) {
            return SyncItemResult.failed(item.externalId(), invalidId);
        }
        FundProfile desired = new FundProfile(
                        item.name(), item.vintageYear(), item.strategy(), item.currency(), item.targetSize())
                .normalized();
        try {
            Optional<Fund> known = run.known().fund(item.externalId());
            if (known.isEmpty()) {
                Fund created = create(run, desired);
                createdReferences.put(item.externalId(), created.id().value());
                changes.add(new SyncedChange(
                        FundView.TYPE, created.id().value(), null, FundView.of(created), item.externalId()));
                run.known().put(item.externalId(), created);
                return SyncItemResult.of(item.externalId(), SyncItemOutcome.CREATED, id(created));
            }
            Fund current = known.get();
            if (same(current.profile(), desired)) {
                return SyncItemResult.of(item.externalId(), SyncItemOutcome.UNCHANGED, id(current));
            }
            Fund updated = update(run, current, desired);
            changes.add(new SyncedChange(
                    FundView.TYPE,
                    current.id().value(),
                    FundView.of(current),
                    FundView.of(updated),
                    item.externalId()));
            run.known().put(item.externalId(), updated);
            return SyncItemResult.of(item.externalId(), SyncItemOutcome.UPDATED, id(updated));
        } catch (RuleViolationException violation) {
            return SyncItemResult.failed(item.externalId(), violation.violations());
        }
    }

    private Fund create(SyncRun run, FundProfile desired) {
        Fund fund = Fund.open(desired, run.year(), run.now());
        requireUniqueName(fund, Optional.empty());
        return funds.add(fund);
    }

    private Fund update(SyncRun run, Fund current, FundProfile desired) {
        // revise() checks the state (archived funds never change) and the rules; it keeps attributes
        // given as null, which a sync clears instead (only the optional targetSize can be null here).
        Fund revised = current.revise(desired, current.version(), run.year(), run.now());
        Fund replaced = new Fund(
                revised.id(), desired, revised.status(), revised.version(), revised.createdAt(), revised.updatedAt());
        requireUniqueName(replaced, Optional.of(current.id()));
        return funds.update(replaced);
    }

    private void requireUniqueName(Fund fund, Optional<FundId> self) {
        if (funds.nameTaken(fund.profile().name(), self)) {
            throw new RuleViolationException(
                    Violation.of("name", ViolationCode.ALREADY_EXISTS, "another fund already has this name"));
        }
    }

    /** Whether the stored profile already says exactly this (decimals compared by value). */
    private static boolean same(FundProfile stored, FundProfile desired) {
        return Objects.equals(stored.name(), desired.name())
                && Objects.equals(stored.vintageYear(), desired.vintageYear())
                && stored.strategy() == desired.strategy()
                && Objects.equals(stored.currency(), desired.currency())
                && sameNumber(stored.targetSize(), desired.targetSize());
    }

    static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String id(Fund fund) {
        return GlobalId.encode(FundView.TYPE, fund.id().value());
    }
}
