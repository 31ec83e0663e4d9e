package dev.diligence.api.sync;

import dev.diligence.api.company.CompanyView;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.sync.SyncAudit.SyncedChange;
import dev.diligence.api.sync.SyncInput.SyncCompanyInput;
import dev.diligence.api.sync.SyncResults.SyncItemOutcome;
import dev.diligence.api.sync.SyncResults.SyncItemResult;
import dev.diligence.domain.company.Companies;
import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyProfile;
import dev.diligence.domain.company.ExternalReference;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Upserts the companies of a sync. A company's identity in the source is its external reference
 * (source, external ID) in {@code company_references}, the same references people edit: a company
 * created by a sync gets that reference, and a company that already has it (however it got it) is
 * the one updated. The rules are the aggregate's ({@link Company#register}, {@link Company#revise});
 * the company's references of other sources are kept. An update replaces every profile attribute:
 * absent optional ones (website, employeeCount, description) are cleared.
 * <p>
 * Every item is checked first, against {@link SyncKnown}, without writing; the writes of the items
 * that passed are then stored together (new companies, changed companies, audit events: a few
 * batched statements), so a failed item writes nothing.
 */
@Component
class CompanySyncStep {

    private final Companies companies;
    private final SyncAudit audit;

    CompanySyncStep(Companies companies, SyncAudit audit) {
        this.companies = companies;
        this.audit = audit;
    }

    /** A checked write: {@code before} is null for a new company. */
    private record Pending(String externalId, @Nullable Company before, Company after) {}

    List<SyncItemResult> applyAll(SyncRun run, List<SyncCompanyInput> items) {
        List<Pending> pending = new ArrayList<>();
        List<SyncItemResult> results = new ArrayList<>();
        for (SyncCompanyInput item : items) {
            results.add(check(run, item, pending));
        }
        store(run, pending);
        return results;
    }

    private SyncItemResult check(SyncRun run, SyncCompanyInput item, List<Pending> pending) {
        List<Violation> invalidId = run.checkExternalId("company", item.externalId());
        if (!invalidId.isEmpty()) {
            return SyncItemResult.failed(item.externalId(), invalidId);
        }
        CompanyProfile desired = item.profile().normalized();
        try {
            Optional<Company> known = run.known().company(item.externalId());
            if (known.isEmpty()) {
                Company created = Company.register(
                        desired, List.of(new ExternalReference(run.source(), item.externalId())), run.now());
                return pend(run, pending, new Pending(item.externalId(), null, created), SyncItemOutcome.CREATED);
            }
            Company current = known.get();
            if (current.profile().equals(desired)) {
                return SyncItemResult.of(item.externalId(), SyncItemOutcome.UNCHANGED, id(current));
            }
            // revise() checks the state (archived companies never change) and the rules; it keeps
            // attributes given as null, which a sync clears instead.
            Company revised = current.revise(desired, null, current.version(), run.now());
            Company replaced = new Company(
                    revised.id(),
                    desired,
                    revised.externalReferences(),
                    revised.archived(),
                    revised.version(),
                    revised.createdAt(),
                    revised.updatedAt());
            return pend(run, pending, new Pending(item.externalId(), current, replaced), SyncItemOutcome.UPDATED);
        } catch (RuleViolationException violation) {
            return SyncItemResult.failed(item.externalId(), violation.violations());
        }
    }

    private static SyncItemResult pend(SyncRun run, List<Pending> pending, Pending write, SyncItemOutcome outcome) {
        pending.add(write);
        run.known().put(write.externalId(), write.after());
        return SyncItemResult.of(write.externalId(), outcome, id(write.after()));
    }

    /** Stores the checked writes, then records them in the audit trail in item order, as stored. */
    private void store(SyncRun run, List<Pending> pending) {
        List<Company> created = companies.addAll(pending.stream()
                .filter(write -> write.before() == null)
                .map(Pending::after)
                .toList());
        List<Company> updated = companies.updateAll(pending.stream()
                .filter(write -> write.before() != null)
                .map(Pending::after)
                .toList());
        int nextCreated = 0;
        int nextUpdated = 0;
        List<SyncedChange> changes = new ArrayList<>();
        for (Pending write : pending) {
            Company stored = write.before() == null ? created.get(nextCreated++) : updated.get(nextUpdated++);
            run.known().put(write.externalId(), stored);
            changes.add(new SyncedChange(
                    CompanyView.TYPE,
                    stored.id().value(),
                    write.before() == null ? null : CompanyView.of(write.before()),
                    CompanyView.of(stored),
                    write.externalId()));
        }
        audit.recordAll(run.source(), changes);
    }

    private static String id(Company company) {
        return GlobalId.encode(CompanyView.TYPE, company.id().value());
    }
}
