package dev.diligence.api.sync;

import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.holding.HoldingView;
import dev.diligence.api.sync.SyncAudit.SyncedChange;
import dev.diligence.api.sync.SyncInput.SyncHoldingInput;
import dev.diligence.api.sync.SyncResults.SyncItemOutcome;
import dev.diligence.api.sync.SyncResults.SyncItemResult;
import dev.diligence.domain.company.Company;
import dev.diligence.domain.fund.Fund;
import dev.diligence.domain.fund.FundStatus;
import dev.diligence.domain.holding.Holding;
import dev.diligence.domain.holding.HoldingTerms;
import dev.diligence.domain.holding.Holdings;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.sync.SyncReferences;
import dev.diligence.domain.sync.SyncedType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Upserts the holdings (deals) of a sync, each matched by (source, external ID) in {@link SyncReferences}.
 * Its fund and company are named by external IDs of the same source: resolved earlier in this call
 * or known from before; otherwise the item fails with NOT_FOUND. The rules are the aggregate's
 * ({@link Holding#open}, the deal-stage moves of {@link Holding#revise}, {@link HoldingTerms#violations})
 * and HoldingService's (no new holding in an archived fund or of an archived company, a company at
 * most once per fund, holdings of an archived fund are read-only), all checked before anything is
 * written. A synced holding stays in its fund and company; an update replaces the terms the sync
 * carries (stage, ownership, dates; absent ones are cleared) and keeps the deal lead, which a sync
 * does not carry. A company already in the fund without this reference is not adopted: the item
 * fails with ALREADY_EXISTS.
 * <p>
 * Every item is checked first, against {@link SyncKnown} (which the funds and companies of the same
 * call have updated), without writing; the writes of the items that passed are then stored together
 * (new holdings, their references, changed holdings, audit events: a few batched statements), so a
 * failed item writes nothing.
 */
@Component
class HoldingSyncStep {

    private final Holdings holdings;
    private final SyncReferences references;
    private final SyncAudit audit;

    HoldingSyncStep(Holdings holdings, SyncReferences references, SyncAudit audit) {
        this.holdings = holdings;
        this.references = references;
        this.audit = audit;
    }

    /** A checked write: {@code before} is null for a new holding. */
    private record Pending(String externalId, @Nullable Holding before, Holding after) {}

    List<SyncItemResult> applyAll(SyncRun run, List<SyncHoldingInput> items) {
        List<Pending> pending = new ArrayList<>();
        List<SyncItemResult> results = new ArrayList<>();
        for (SyncHoldingInput item : items) {
            results.add(check(run, item, pending));
        }
        store(run, pending);
        return results;
    }

    private SyncItemResult check(SyncRun run, SyncHoldingInput item, List<Pending> pending) {
        List<Violation> invalidId = run.checkExternalId("holding", item.externalId());
        if (!invalidId.isEmpty()) {
            return SyncItemResult.failed(item.externalId(), invalidId);
        }
        try {
            List<Violation> unresolved = new ArrayList<>();
            Optional<Fund> fund = resolveFund(run, item.fundExternalId(), unresolved);
            Optional<Company> company = resolveCompany(run, item.companyExternalId(), unresolved);
            RuleViolationException.throwIfAny(unresolved);
            HoldingTerms desired = new HoldingTerms(
                    item.dealStage(), item.ownershipPercentage(), item.entryDate(), item.exitDate(), null);
            Optional<Holding> known = run.known().holding(item.externalId());
            if (known.isEmpty()) {
                Holding created = create(run, fund.orElseThrow(), company.orElseThrow(), desired);
                return pend(run, pending, new Pending(item.externalId(), null, created), SyncItemOutcome.CREATED);
            }
            Holding current = known.get();
            Optional<Holding> updated = update(run, current, fund.orElseThrow(), company.orElseThrow(), desired);
            return updated.isEmpty()
                    ? SyncItemResult.of(item.externalId(), SyncItemOutcome.UNCHANGED, id(current))
                    : pend(
                            run,
                            pending,
                            new Pending(item.externalId(), current, updated.get()),
                            SyncItemOutcome.UPDATED);
        } catch (RuleViolationException violation) {
            return SyncItemResult.failed(item.externalId(), violation.violations());
        }
    }

    private static Holding create(SyncRun run, Fund fund, Company company, HoldingTerms desired) {
        if (fund.status() == FundStatus.ARCHIVED) {
            throw new RuleViolationException(
                    Violation.of("fundExternalId", ViolationCode.INVALID_STATE, "the fund is archived"));
        }
        if (company.archived()) {
            throw new RuleViolationException(
                    Violation.of("companyExternalId", ViolationCode.INVALID_STATE, "the company is archived"));
        }
        if (run.known().holds(fund.id(), company.id())) {
            throw new RuleViolationException(Violation.of(
                    "companyExternalId",
                    ViolationCode.ALREADY_EXISTS,
                    "the company is already in this fund, under another deal"));
        }
        return Holding.open(fund.id(), company.id(), desired, run.now());
    }

    /** The holding with the synced terms, or empty when it already has them. */
    private static Optional<Holding> update(
            SyncRun run, Holding current, Fund fund, Company company, HoldingTerms desired) {
        List<Violation> moved = new ArrayList<>();
        if (!current.fund().equals(fund.id())) {
            moved.add(Violation.of(
                    "fundExternalId",
                    ViolationCode.INVALID,
                    "a holding stays in its fund; this deal is in another one"));
        }
        if (!current.company().equals(company.id())) {
            moved.add(Violation.of(
                    "companyExternalId",
                    ViolationCode.INVALID,
                    "a holding stays with its company; this deal has another one"));
        }
        RuleViolationException.throwIfAny(moved);
        if (same(current.terms(), desired)) {
            return Optional.empty();
        }
        if (fund.status() == FundStatus.ARCHIVED) {
            throw new RuleViolationException(
                    Violation.general(ViolationCode.INVALID_STATE, "the holding's fund is archived"));
        }
        RuleViolationException.throwIfAny(desired.violations());
        // revise() with only the stage applies the domain's rule of deal-stage moves; the other terms
        // are then replaced as given (revise() would keep absent ones), the deal lead kept.
        Holding staged = current.revise(
                new HoldingTerms(desired.dealStage(), null, null, null, null), current.version(), run.now());
        HoldingTerms terms = new HoldingTerms(
                desired.dealStage(),
                desired.ownershipPercentage(),
                desired.entryDate(),
                desired.exitDate(),
                current.terms().dealLead());
        RuleViolationException.throwIfAny(terms.violations());
        return Optional.of(new Holding(
                staged.id(),
                staged.fund(),
                staged.company(),
                terms,
                staged.version(),
                staged.createdAt(),
                staged.updatedAt()));
    }

    private static SyncItemResult pend(SyncRun run, List<Pending> pending, Pending write, SyncItemOutcome outcome) {
        pending.add(write);
        run.known().put(write.externalId(), write.after());
        return SyncItemResult.of(write.externalId(), outcome, id(write.after()));
    }

    /** Stores the checked writes and the new holdings' references, then records them in the audit trail in item order, as stored. */
    private void store(SyncRun run, List<Pending> pending) {
        List<Pending> creates =
                pending.stream().filter(write -> write.before() == null).toList();
        List<Holding> created =
                holdings.addAll(creates.stream().map(Pending::after).toList());
        Map<String, UUID> createdReferences = new LinkedHashMap<>();
        creates.forEach(write ->
                createdReferences.put(write.externalId(), write.after().id().value()));
        references.addAll(SyncedType.HOLDING, run.source(), createdReferences);
        List<Holding> updated = holdings.updateAll(pending.stream()
                .filter(write -> write.before() != null)
                .map(Pending::after)
                .toList());
        int nextCreated = 0;
        int nextUpdated = 0;
        List<SyncedChange> changes = new ArrayList<>();
        for (Pending write : pending) {
            Holding stored = write.before() == null ? created.get(nextCreated++) : updated.get(nextUpdated++);
            changes.add(new SyncedChange(
                    HoldingView.TYPE,
                    stored.id().value(),
                    write.before() == null ? null : HoldingView.of(write.before()),
                    HoldingView.of(stored),
                    write.externalId()));
        }
        audit.recordAll(run.source(), changes);
    }

    private static Optional<Fund> resolveFund(SyncRun run, String externalId, List<Violation> out) {
        if (externalId == null || externalId.isBlank()) {
            out.add(Violation.of("fundExternalId", ViolationCode.REQUIRED, "fundExternalId must not be blank"));
            return Optional.empty();
        }
        Optional<Fund> fund = run.known().fund(externalId);
        if (fund.isEmpty()) {
            out.add(Violation.of(
                    "fundExternalId",
                    ViolationCode.NOT_FOUND,
                    "no fund has this externalId in source " + run.source()));
        }
        return fund;
    }

    private static Optional<Company> resolveCompany(SyncRun run, String externalId, List<Violation> out) {
        if (externalId == null || externalId.isBlank()) {
            out.add(Violation.of("companyExternalId", ViolationCode.REQUIRED, "companyExternalId must not be blank"));
            return Optional.empty();
        }
        Optional<Company> company = run.known().company(externalId);
        if (company.isEmpty()) {
            out.add(Violation.of(
                    "companyExternalId",
                    ViolationCode.NOT_FOUND,
                    "no company has this externalId in source " + run.source()));
        }
        return company;
    }

    /** Whether the stored terms already say exactly what the sync carries (decimals by value; the deal lead is not synced). */
    private static boolean same(HoldingTerms stored, HoldingTerms desired) {
        return stored.dealStage() == desired.dealStage()
                && FundSyncStep.sameNumber(stored.ownershipPercentage(), desired.ownershipPercentage())
                && Objects.equals(stored.entryDate(), desired.entryDate())
                && Objects.equals(stored.exitDate(), desired.exitDate());
    }

    private static String id(Holding holding) {
        return GlobalId.encode(HoldingView.TYPE, holding.id().value());
    }
}
