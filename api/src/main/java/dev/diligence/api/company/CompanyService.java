package dev.diligence.api.company;

import dev.diligence.api.audit.AuditRecorder;
import dev.diligence.api.security.Authorities;
import dev.diligence.domain.company.Companies;
import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyFilter;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.company.CompanyProfile;
import dev.diligence.domain.company.ExternalReference;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.shared.paging.ListOrder;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of target companies. Tenant admins and assessors write; every business role reads.
 * Every successful change is recorded in the audit trail, in the same transaction.
 */
@Service
@Transactional
public class CompanyService {

    private final Companies companies;
    private final AuditRecorder audit;
    private final Clock clock;

    CompanyService(Companies companies, AuditRecorder audit, Clock clock) {
        this.companies = companies;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public Optional<Company> find(CompanyId id) {
        return companies.find(id);
    }

    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public List<Company> findAll(Collection<CompanyId> ids) {
        return companies.findAll(ids);
    }

    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public Slice<Company> page(CompanyFilter filter, ListOrder order, PageQuery page) {
        return companies.page(filter, order, page);
    }

    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public long count(CompanyFilter filter) {
        return companies.count(filter);
    }

    @PreAuthorize(Authorities.COMPANY_WRITER)
    public Company create(CompanyProfile profile, List<ExternalReference> references) {
        Company company = Company.register(profile, references, clock.instant());
        requireFreeReferences(company);
        Company created = companies.add(company);
        audit.record("createCompany", CompanyView.TYPE, created.id().value(), null, CompanyView.of(created));
        return created;
    }

    @PreAuthorize(Authorities.COMPANY_WRITER)
    public Company update(
            CompanyId id, CompanyProfile changes, @Nullable List<ExternalReference> references, long expectedVersion) {
        Company before = existing(id);
        Company revised = before.revise(changes, references, expectedVersion, clock.instant());
        requireFreeReferences(revised);
        Company updated = companies.update(revised);
        audit.record("updateCompany", CompanyView.TYPE, id.value(), CompanyView.of(before), CompanyView.of(updated));
        return updated;
    }

    @PreAuthorize(Authorities.COMPANY_WRITER)
    public Company archive(CompanyId id, @Nullable Long expectedVersion) {
        Company before = existing(id);
        Company archived = companies.update(before.archive(expectedVersion, clock.instant()));
        audit.record("archiveCompany", CompanyView.TYPE, id.value(), CompanyView.of(before), CompanyView.of(archived));
        return archived;
    }

    private Company existing(CompanyId id) {
        return companies
                .find(id)
                .orElseThrow(() -> new RuleViolationException(
                        Violation.of("id", ViolationCode.NOT_FOUND, "no company has this id")));
    }

    /** Each external reference belongs to one company of the firm at most. */
    private void requireFreeReferences(Company company) {
        List<Violation> taken = new ArrayList<>();
        List<ExternalReference> references = company.externalReferences();
        for (int i = 0; i < references.size(); i++) {
            ExternalReference reference = references.get(i);
            Optional<CompanyId> owner = companies.findByReference(reference.source(), reference.externalId());
            if (owner.isPresent() && !owner.get().equals(company.id())) {
                taken.add(new Violation(
                        List.of("externalReferences", String.valueOf(i), "externalId"),
                        ViolationCode.ALREADY_EXISTS,
                        "another company already has the " + reference.source() + " reference "
                                + reference.externalId()));
            }
        }
        RuleViolationException.throwIfAny(taken);
    }
}
