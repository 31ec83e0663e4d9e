package dev.diligence.api.fund;

import dev.diligence.api.audit.AuditRecorder;
import dev.diligence.api.security.Authorities;
import dev.diligence.domain.fund.Fund;
import dev.diligence.domain.fund.FundFilter;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.fund.FundProfile;
import dev.diligence.domain.fund.Funds;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.shared.paging.ListOrder;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of funds, in the caller's firm. Tenant admins write; every business role reads. Every
 * successful change is recorded in the audit trail, in the same transaction.
 */
@Service
@Transactional
public class FundService {

    private final Funds funds;
    private final AuditRecorder audit;
    private final Clock clock;

    FundService(Funds funds, AuditRecorder audit, Clock clock) {
        this.funds = funds;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public Optional<Fund> find(FundId id) {
        return funds.find(id);
    }

    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public List<Fund> findAll(Collection<FundId> ids) {
        return funds.findAll(ids);
    }

    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public Slice<Fund> page(FundFilter filter, ListOrder order, PageQuery page) {
        return funds.page(filter, order, page);
    }

    @PreAuthorize(Authorities.TENANT_READER)
    @Transactional(readOnly = true)
    public long count(FundFilter filter) {
        return funds.count(filter);
    }

    @PreAuthorize(Authorities.TENANT_ADMIN)
    public Fund create(FundProfile profile) {
        Instant now = clock.instant();
        Fund fund = Fund.open(profile, Year.from(now.atZone(clock.getZone())), now);
        requireUniqueName(fund, Optional.empty());
        Fund created = funds.add(fund);
        audit.record("createFund", FundView.TYPE, created.id().value(), null, FundView.of(created));
        return created;
    }

    @PreAuthorize(Authorities.TENANT_ADMIN)
    public Fund update(FundId id, FundProfile changes, long expectedVersion) {
        Instant now = clock.instant();
        Fund before = existing(id);
        Fund revised = before.revise(changes, expectedVersion, Year.from(now.atZone(clock.getZone())), now);
        requireUniqueName(revised, Optional.of(id));
        Fund updated = funds.update(revised);
        audit.record("updateFund", FundView.TYPE, id.value(), FundView.of(before), FundView.of(updated));
        return updated;
    }

    @PreAuthorize(Authorities.TENANT_ADMIN)
    public Fund archive(FundId id, Long expectedVersion) {
        Fund before = existing(id);
        Fund archived = funds.update(before.archive(expectedVersion, clock.instant()));
        audit.record("archiveFund", FundView.TYPE, id.value(), FundView.of(before), FundView.of(archived));
        return archived;
    }

    private Fund existing(FundId id) {
        return funds.find(id)
                .orElseThrow(() ->
                        new RuleViolationException(Violation.of("id", ViolationCode.NOT_FOUND, "no fund has this id")));
    }

    private void requireUniqueName(Fund fund, Optional<FundId> self) {
        if (funds.nameTaken(fund.profile().name(), self)) {
            throw new RuleViolationException(
                    Violation.of("name", ViolationCode.ALREADY_EXISTS, "another fund already has this name"));
        }
    }
}
