package dev.diligence.api.holding;

import dev.diligence.api.audit.AuditRecorder;
import dev.diligence.api.security.Authorities;
import dev.diligence.domain.company.Companies;
import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.fund.Fund;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.fund.FundStatus;
import dev.diligence.domain.fund.Funds;
import dev.diligence.domain.holding.Holding;
import dev.diligence.domain.holding.HoldingId;
import dev.diligence.domain.holding.HoldingPage;
import dev.diligence.domain.holding.HoldingReads;
import dev.diligence.domain.holding.HoldingTerms;
import dev.diligence.domain.holding.Holdings;
import dev.diligence.domain.person.People;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.shared.paging.PageQuery;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of holdings (companies in funds). Tenant admins write; every business role reads.
 * Holdings of an archived fund are read-only; an archived company joins no fund; a deal lead is a
 * person already known in the firm. Every successful change is recorded in the audit trail.
 */
@Service
@Transactional
public class HoldingService {

    private final Holdings holdings;
    private final Funds funds;
    private final Companies companies;
    private final People people;
    private final AuditRecorder audit;
    private final Clock clock;

    HoldingService(
            Holdings holdings, Funds funds, Companies companies, People people, AuditRecorder audit, Clock clock) {
        this.holdings = holdings;
        this.funds = funds;
        this.companies = companies;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public Optional<Holding> find(HoldingId id) {
        return holdings.find(id);
    }

    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public List<Holding> findAll(Collection<HoldingId> ids) {
        return holdings.findAll(ids);
    }

    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public Map<FundId, HoldingPage> pageByFund(Collection<FundId> funds, PageQuery page, HoldingReads along) {
        return holdings.pageByFund(funds, page, along);
    }

    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public Map<CompanyId, HoldingPage> pageByCompany(
            Collection<CompanyId> companies, PageQuery page, HoldingReads along) {
        return holdings.pageByCompany(companies, page, along);
    }

    @PreAuthorize(Authorities.TENANT_ADMIN)
    public Holding add(FundId fundId, CompanyId companyId, HoldingTerms terms) {
        Fund fund = funds.find(fundId).orElseThrow(() -> notFound("fundId", "no fund has this id"));
        requireActive(fund);
        Company company = companies.find(companyId).orElseThrow(() -> notFound("companyId", "no company has this id"));
        if (company.archived()) {
            throw new RuleViolationException(
                    Violation.of("companyId", ViolationCode.INVALID_STATE, "the company is archived"));
        }
        if (holdings.exists(fundId, companyId)) {
            throw new RuleViolationException(
                    Violation.of("companyId", ViolationCode.ALREADY_EXISTS, "the company is already in this fund"));
        }
        Holding opened = Holding.open(fundId, companyId, terms, clock.instant());
        requireKnownDealLead(terms);
        Holding added = holdings.add(opened);
        audit.record("addHolding", HoldingView.TYPE, added.id().value(), null, HoldingView.of(added));
        return added;
    }

    @PreAuthorize(Authorities.TENANT_ADMIN)
    public Holding update(HoldingId id, HoldingTerms changes, long expectedVersion) {
        Holding holding = existing(id);
        requireActiveFund(holding);
        Holding revised = holding.revise(changes, expectedVersion, clock.instant());
        requireKnownDealLead(changes);
        Holding updated = holdings.update(revised);
        audit.record("updateHolding", HoldingView.TYPE, id.value(), HoldingView.of(holding), HoldingView.of(updated));
        return updated;
    }

    /** Removes a holding and returns it as it was. */
    @PreAuthorize(Authorities.TENANT_ADMIN)
    public Holding remove(HoldingId id, long expectedVersion) {
        Holding holding = existing(id);
        holding.requireVersion(expectedVersion);
        requireActiveFund(holding);
        holdings.remove(holding);
        audit.record("removeHolding", HoldingView.TYPE, id.value(), HoldingView.of(holding), null);
        return holding;
    }

    /** A deal lead must be a person the firm knows (someone who has used the product). */
    private void requireKnownDealLead(HoldingTerms terms) {
        if (terms.dealLead() != null && people.find(terms.dealLead()).isEmpty()) {
            throw new RuleViolationException(
                    Violation.of("dealLeadSubject", ViolationCode.NOT_FOUND, "no person of the firm has this subject"));
        }
    }

    private Holding existing(HoldingId id) {
        return holdings.find(id).orElseThrow(() -> notFound("id", "no holding has this id"));
    }

    /** The holdings of an archived fund are read-only. */
    private void requireActiveFund(Holding holding) {
        if (funds.find(holding.fund())
                .filter(fund -> fund.status() == FundStatus.ARCHIVED)
                .isPresent()) {
            throw new RuleViolationException(
                    Violation.general(ViolationCode.INVALID_STATE, "the holding's fund is archived"));
        }
    }

    private static void requireActive(Fund fund) {
        if (fund.status() == FundStatus.ARCHIVED) {
            throw new RuleViolationException(
                    Violation.of("fundId", ViolationCode.INVALID_STATE, "the fund is archived"));
        }
    }

    private static RuleViolationException notFound(String field, String message) {
        return new RuleViolationException(Violation.of(field, ViolationCode.NOT_FOUND, message));
    }
}
