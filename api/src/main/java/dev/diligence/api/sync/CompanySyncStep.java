package dev.diligence.api.sync;

import dev.diligence.api.company.CompanyView;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.sync.SyncInput.SyncCompanyInput;
import dev.diligence.api.sync.SyncResults.SyncItemOutcome;
import dev.diligence.api.sync.SyncResults.SyncItemResult;
import dev.diligence.domain.company.Companies;
import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.company.CompanyProfile;
import dev.diligence.domain.company.ExternalReference;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Upserts one company of a sync. A company's identity in the source is its external reference
 * (source, external ID) in {@code company_references}, the same references people edit: a company
 * created by a sync gets that reference, and a company that already has it (however it got it) is
 * the one updated. The rules are the aggregate's ({@link Company#register}, {@link Company#revise});
 * the company's references of other sources are kept. An update replaces every profile attribute:
 * absent optional ones (website, employeeCount, description) are cleared.
 */
@Component
class CompanySyncStep {

    private final Companies companies;
    private final SyncAudit audit;

    CompanySyncStep(Companies companies, SyncAudit audit) {
        this.companies = companies;
        this.audit = audit;
    }

    SyncItemResult apply(SyncRun run, SyncCompanyInput item) {
        List<Violation> invalidId = run.checkExternalId("company", item.externalId());
        if (!invalidId.isEmpty()) {
            return SyncItemResult.failed(item.externalId(), invalidId);
        }
        CompanyProfile desired = new CompanyProfile(item.name(), item.website(), item.sector(), item.headquartersCountry(), item.stage(),
                item.employeeCount(), item.description()).normalized();
        try {
            Optional<CompanyId> known = companies.findByReference(run.source(), item.externalId());
            return known.isEmpty() ? create(run, item, desired) : update(run, item, known.get(), desired);
        } catch (RuleViolationException violation) {
            return SyncItemResult.failed(item.externalId(), violation.violations());
        }
    }

    private SyncItemResult create(SyncRun run, SyncCompanyInput item, CompanyProfile desired) {
        Company company = Company.register(desired, List.of(new ExternalReference(run.source(), item.externalId())), run.now());
        Company created = companies.add(company);
        audit.record(CompanyView.TYPE, created.id().value(), null, CompanyView.of(created), run.source(), item.externalId());
        run.resolved(item.externalId(), created.id());
        return SyncItemResult.of(item.externalId(), SyncItemOutcome.CREATED, id(created));
    }

    private SyncItemResult update(SyncRun run, SyncCompanyInput item, CompanyId id, CompanyProfile desired) {
        Company current = companies.find(id).orElseThrow(() -> new IllegalStateException("a company reference names a missing company"));
        run.resolved(item.externalId(), id);
        if (current.profile().equals(desired)) {
            return SyncItemResult.of(item.externalId(), SyncItemOutcome.UNCHANGED, id(current));
        }
        // revise() checks the state (archived companies never change) and the rules; it keeps
        // attributes given as null, which a sync clears instead.
        Company revised = current.revise(desired, null, current.version(), run.now());
        Company replaced = new Company(revised.id(), desired, revised.externalReferences(), revised.archived(), revised.version(),
                revised.createdAt(), revised.updatedAt());
        Company updated = companies.update(replaced);
        audit.record(CompanyView.TYPE, id.value(), CompanyView.of(current), CompanyView.of(updated), run.source(), item.externalId());
        return SyncItemResult.of(item.externalId(), SyncItemOutcome.UPDATED, id(updated));
    }

    private static String id(Company company) {
        return GlobalId.encode(CompanyView.TYPE, company.id().value());
    }
}
