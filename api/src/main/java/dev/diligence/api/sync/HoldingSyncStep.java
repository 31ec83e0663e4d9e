package dev.diligence.api.sync;

import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.holding.HoldingView;
import dev.diligence.api.sync.SyncInput.SyncHoldingInput;
import dev.diligence.api.sync.SyncResults.SyncItemOutcome;
import dev.diligence.api.sync.SyncResults.SyncItemResult;
import dev.diligence.domain.company.Companies;
import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.fund.Fund;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.fund.FundStatus;
import dev.diligence.domain.fund.Funds;
import dev.diligence.domain.holding.Holding;
import dev.diligence.domain.holding.HoldingId;
import dev.diligence.domain.holding.HoldingTerms;
import dev.diligence.domain.holding.Holdings;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.sync.SyncReferences;
import dev.diligence.domain.sync.SyncedType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Upserts one holding (a deal) of a sync, matched by (source, external ID) in {@link SyncReferences}.
 * Its fund and company are named by external IDs of the same source: resolved earlier in this call
 * or known from before; otherwise the item fails with NOT_FOUND. The rules are the aggregate's
 * ({@link Holding#open}, the deal-stage moves of {@link Holding#revise}, {@link HoldingTerms#violations})
 * and HoldingService's (no new holding in an archived fund or of an archived company, a company at
 * most once per fund, holdings of an archived fund are read-only), all checked before anything is
 * written. A synced holding stays in its fund and company; an update replaces the terms the sync
 * carries (stage, ownership, dates; absent ones are cleared) and keeps the deal lead, which a sync
 * does not carry. A company already in the fund without this reference is not adopted: the item
 * fails with ALREADY_EXISTS.
 */
@Component
class HoldingSyncStep {

    private final Holdings holdings;
    private final Funds funds;
    private final Companies companies;
    private final SyncReferences references;
    private final SyncAudit audit;

    HoldingSyncStep(Holdings holdings, Funds funds, Companies companies, SyncReferences references, SyncAudit audit) {
        this.holdings = holdings;
        this.funds = funds;
        this.companies = companies;
        this.references = references;
        this.audit = audit;
    }

    SyncItemResult apply(SyncRun run, SyncHoldingInput item) {
        List<Violation> invalidId = run.checkExternalId("holding", item.externalId());
        if (!invalidId.isEmpty()) {
            return SyncItemResult.failed(item.externalId(), invalidId);
        }
        try {
            List<Violation> unresolved = new ArrayList<>();
            Optional<FundId> fund = resolveFund(run, item.fundExternalId(), unresolved);
            Optional<CompanyId> company = resolveCompany(run, item.companyExternalId(), unresolved);
            RuleViolationException.throwIfAny(unresolved);
            HoldingTerms desired = new HoldingTerms(item.dealStage(), item.ownershipPercentage(), item.entryDate(), item.exitDate(), null);
            Optional<UUID> known = references.find(SyncedType.HOLDING, run.source(), item.externalId());
            return known.isEmpty()
                    ? create(run, item, fund.orElseThrow(), company.orElseThrow(), desired)
                    : update(run, item, new HoldingId(known.get()), fund.orElseThrow(), company.orElseThrow(), desired);
        } catch (RuleViolationException violation) {
            return SyncItemResult.failed(item.externalId(), violation.violations());
        }
    }

    private SyncItemResult create(SyncRun run, SyncHoldingInput item, FundId fundId, CompanyId companyId, HoldingTerms desired) {
        Fund fund = funds.find(fundId).orElseThrow(() -> new IllegalStateException("a sync reference names a missing fund"));
        if (fund.status() == FundStatus.ARCHIVED) {
            throw new RuleViolationException(Violation.of("fundExternalId", ViolationCode.INVALID_STATE, "the fund is archived"));
        }
        Company company = companies.find(companyId).orElseThrow(() -> new IllegalStateException("a reference names a missing company"));
        if (company.archived()) {
            throw new RuleViolationException(Violation.of("companyExternalId", ViolationCode.INVALID_STATE, "the company is archived"));
        }
        if (holdings.exists(fundId, companyId)) {
            throw new RuleViolationException(Violation.of("companyExternalId", ViolationCode.ALREADY_EXISTS,
                    "the company is already in this fund, under another deal"));
        }
        Holding added = holdings.add(Holding.open(fundId, companyId, desired, run.now()));
        references.add(SyncedType.HOLDING, run.source(), item.externalId(), added.id().value());
        audit.record(HoldingView.TYPE, added.id().value(), null, HoldingView.of(added), run.source(), item.externalId());
        return SyncItemResult.of(item.externalId(), SyncItemOutcome.CREATED, id(added));
    }

    private SyncItemResult update(SyncRun run, SyncHoldingInput item, HoldingId id, FundId fundId, CompanyId companyId,
            HoldingTerms desired) {
        Holding current = holdings.find(id).orElseThrow(() -> new IllegalStateException("a sync reference names a missing holding"));
        List<Violation> moved = new ArrayList<>();
        if (!current.fund().equals(fundId)) {
            moved.add(Violation.of("fundExternalId", ViolationCode.INVALID, "a holding stays in its fund; this deal is in another one"));
        }
        if (!current.company().equals(companyId)) {
            moved.add(Violation.of("companyExternalId", ViolationCode.INVALID, "a holding stays with its company; this deal has another one"));
        }
        RuleViolationException.throwIfAny(moved);
        if (same(current.terms(), desired)) {
            return SyncItemResult.of(item.externalId(), SyncItemOutcome.UNCHANGED, id(current));
        }
        if (funds.find(fundId).filter(fund -> fund.status() == FundStatus.ARCHIVED).isPresent()) {
            throw new RuleViolationException(Violation.general(ViolationCode.INVALID_STATE, "the holding's fund is archived"));
        }
        RuleViolationException.throwIfAny(desired.violations());
        // revise() with only the stage applies the domain's rule of deal-stage moves; the other terms
        // are then replaced as given (revise() would keep absent ones), the deal lead kept.
        Holding staged = current.revise(new HoldingTerms(desired.dealStage(), null, null, null, null), current.version(), run.now());
        HoldingTerms terms = new HoldingTerms(desired.dealStage(), desired.ownershipPercentage(), desired.entryDate(), desired.exitDate(),
                current.terms().dealLead());
        RuleViolationException.throwIfAny(terms.violations());
        Holding updated = holdings.update(new Holding(staged.id(), staged.fund(), staged.company(), terms, staged.version(),
                staged.createdAt(), staged.updatedAt()));
        audit.record(HoldingView.TYPE, id.value(), HoldingView.of(current), HoldingView.of(updated), run.source(), item.externalId());
        return SyncItemResult.of(item.externalId(), SyncItemOutcome.UPDATED, id(updated));
    }

    private Optional<FundId> resolveFund(SyncRun run, String externalId, List<Violation> out) {
        if (externalId == null || externalId.isBlank()) {
            out.add(Violation.of("fundExternalId", ViolationCode.REQUIRED, "fundExternalId must not be blank"));
            return Optional.empty();
        }
        Optional<FundId> fund = run.fund(externalId)
                .or(() -> references.find(SyncedType.FUND, run.source(), externalId).map(FundId::new));
        if (fund.isEmpty()) {
            out.add(Violation.of("fundExternalId", ViolationCode.NOT_FOUND, "no fund has this externalId in source " + run.source()));
        }
        return fund;
    }

    private Optional<CompanyId> resolveCompany(SyncRun run, String externalId, List<Violation> out) {
        if (externalId == null || externalId.isBlank()) {
            out.add(Violation.of("companyExternalId", ViolationCode.REQUIRED, "companyExternalId must not be blank"));
            return Optional.empty();
        }
        Optional<CompanyId> company = run.company(externalId).or(() -> companies.findByReference(run.source(), externalId));
        if (company.isEmpty()) {
            out.add(Violation.of("companyExternalId", ViolationCode.NOT_FOUND,
                    "no company has this externalId in source " + run.source()));
        }
        return company;
    }

    /** Whether the stored terms already say exactly what the sync carries (decimals by value; the deal lead is not synced). */
    private static boolean same(HoldingTerms stored, HoldingTerms desired) {
        return stored.dealStage() == desired.dealStage()
                && FundSyncStep.sameNumber(stored.ownershipPercentage(), desired.ownershipPercentage())
                && Objects.equals(stored.entryDate(), desired.entryDate()) && Objects.equals(stored.exitDate(), desired.exitDate());
    }

    private static String id(Holding holding) {
        return GlobalId.encode(HoldingView.TYPE, holding.id().value());
    }
}
