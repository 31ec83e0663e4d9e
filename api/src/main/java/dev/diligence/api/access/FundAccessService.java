package dev.diligence.api.access;

import dev.diligence.api.audit.AuditRecorder;
import dev.diligence.api.security.Authorities;
import dev.diligence.api.security.CurrentCaller;
import dev.diligence.domain.access.FundGrant;
import dev.diligence.domain.access.FundGrants;
import dev.diligence.domain.fund.Fund;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.fund.Funds;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants of funds to fund managers. Tenant admins manage them; every caller sees their own.
 * Granting and revoking are audited. A revoked grant stops reads at the next transaction.
 */
@Service
@Transactional
public class FundAccessService {

    static final String TYPE = "FundAccessGrant";

    private final FundGrants grants;
    private final Funds funds;
    private final AuditRecorder audit;
    private final Clock clock;

    FundAccessService(FundGrants grants, Funds funds, AuditRecorder audit, Clock clock) {
        this.grants = grants;
        this.funds = funds;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize(Authorities.TENANT_ADMIN)
    public FundGrant grant(FundId fundId, String subject) {
        Fund fund = existing(fundId);
        FundGrant grant = FundGrant.of(fund.id(), subject, CurrentCaller.get().subject(), clock.instant());
        if (grants.find(fund.id(), grant.subject()).isPresent()) {
            throw new RuleViolationException(Violation.of(
                    "subject", ViolationCode.ALREADY_EXISTS, "this person already has access to the fund"));
        }
        grants.add(grant);
        audit.record("grantFundAccess", TYPE, grant.id(), null, FundGrantView.of(grant));
        return grant;
    }

    @PreAuthorize(Authorities.TENANT_ADMIN)
    public FundGrant revoke(FundId fundId, String subject) {
        Fund fund = existing(fundId);
        FundGrant grant = grants.find(fund.id(), subject == null ? "" : subject.strip())
                .orElseThrow(() -> new RuleViolationException(
                        Violation.of("subject", ViolationCode.NOT_FOUND, "this person has no access to the fund")));
        grants.remove(grant);
        audit.record("revokeFundAccess", TYPE, grant.id(), FundGrantView.of(grant), null);
        return grant;
    }

    @PreAuthorize(Authorities.TENANT_ADMIN)
    @Transactional(readOnly = true)
    public List<FundGrant> grantsOf(FundId fund) {
        return grants.ofFund(fund);
    }

    /** The funds granted to the current caller (whatever their roles), in the order granted. */
    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public List<Fund> grantedToCaller() {
        return funds
                .findAll(grants.ofSubject(CurrentCaller.get().subject()).stream()
                        .map(FundGrant::fund)
                        .toList())
                .stream()
                .sorted(Comparator.comparing((Fund fund) -> fund.profile().name())
                        .thenComparing(fund -> fund.id().value()))
                .toList();
    }

    private Fund existing(FundId id) {
        return funds.find(id)
                .orElseThrow(() -> new RuleViolationException(
                        Violation.of("fundId", ViolationCode.NOT_FOUND, "no fund has this id")));
    }
}
