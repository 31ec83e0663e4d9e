package dev.diligence.api.portfolio;

import dev.diligence.api.security.Authorities;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.framework.Frameworks;
import dev.diligence.domain.fund.Fund;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.fund.Funds;
import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.portfolio.PortfolioMember;
import dev.diligence.domain.portfolio.PortfolioOrder;
import dev.diligence.domain.portfolio.PortfolioPage;
import dev.diligence.domain.portfolio.PortfolioQuery;
import dev.diligence.domain.portfolio.PortfolioSummary;
import dev.diligence.domain.portfolio.Portfolios;
import dev.diligence.domain.portfolio.RemediationItem;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import dev.diligence.persistence.replica.ReplicaReads;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portfolio comparison of a fund, for every business role; a fund manager only of granted funds (a
 * fund outside the grants, like another firm's, is not found: row-level security hides it). The
 * transactions it begins may read from the replica ({@link ReplicaReads}).
 */
@Service
@Transactional(readOnly = true, label = ReplicaReads.LABEL)
@PreAuthorize(Authorities.TENANT_READER)
public class PortfolioService {

    private final Portfolios portfolios;
    private final Funds funds;
    private final Frameworks frameworks;
    private final Clock clock;

    PortfolioService(Portfolios portfolios, Funds funds, Frameworks frameworks, Clock clock) {
        this.portfolios = portfolios;
        this.funds = funds;
        this.frameworks = frameworks;
        this.clock = clock;
    }

    /** A comparison to run: the query, the fund it compares and the framework version it compares under. */
    public record Comparison(PortfolioQuery query, Fund fund, FrameworkVersion version) {}

    /**
     * The comparison to run; empty when the caller cannot see the fund.
     *
     * @param asOf             now when null
     * @param frameworkVersion the latest platform version when null
     * @throws RuleViolationException when the framework version does not exist for the caller
     */
    public Optional<Comparison> comparison(
            FundId fund, @Nullable Instant asOf, Set<DealStage> dealStages, @Nullable Integer frameworkVersion) {
        Optional<Fund> found = funds.find(fund);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        FrameworkVersion version =
                frameworkVersion == null ? frameworks.latestPlatformVersion() : version(frameworkVersion);
        PortfolioQuery query = asOf == null
                ? PortfolioQuery.current(fund, clock.instant(), dealStages, version.number())
                : new PortfolioQuery(fund, asOf, dealStages, version.number());
        return Optional.of(new Comparison(query, found.get(), version));
    }

    private FrameworkVersion version(int number) {
        return frameworks
                .find(number)
                .orElseThrow(() -> new RuleViolationException(Violation.of(
                        "frameworkVersion", ViolationCode.NOT_FOUND, "there is no framework version " + number)));
    }

    public PortfolioSummary summary(PortfolioQuery query) {
        return portfolios.summary(query);
    }

    public PortfolioPage companies(PortfolioQuery query, PortfolioOrder order, PageQuery page, boolean withCompanies) {
        return portfolios.companies(query, order, page, withCompanies);
    }

    public Slice<RemediationItem> remediation(PortfolioQuery query, PageQuery page) {
        return portfolios.remediation(query, page);
    }

    public long countCompanies(PortfolioQuery query) {
        return portfolios.countCompanies(query);
    }

    public long countRemediation(PortfolioQuery query) {
        return portfolios.countRemediation(query);
    }

    public Slice<PortfolioMember> unassessed(PortfolioQuery query, PageQuery page) {
        return portfolios.unassessed(query, page);
    }

    public long countUnassessed(PortfolioQuery query) {
        return portfolios.countUnassessed(query);
    }

    /** A page of the companies under each of {@code versions}; every version given is a key. */
    public Map<Integer, Slice<PortfolioMember>> otherVersion(
            PortfolioQuery query, Collection<Integer> versions, PageQuery page) {
        return portfolios.otherVersion(query, versions, page);
    }

    /** The number of companies under each of {@code versions}; every version given is a key. */
    public Map<Integer, Long> countOtherVersion(PortfolioQuery query, Collection<Integer> versions) {
        return portfolios.countOtherVersion(query, versions);
    }
}
