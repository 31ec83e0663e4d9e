package dev.diligence.api.portfolio;

import dev.diligence.api.security.Authorities;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.framework.Frameworks;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.fund.Funds;
import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.portfolio.CompanyComparison;
import dev.diligence.domain.portfolio.FundMedians;
import dev.diligence.domain.portfolio.PortfolioQuery;
import dev.diligence.domain.portfolio.PortfolioTrends;
import dev.diligence.domain.portfolio.Portfolios;
import dev.diligence.domain.portfolio.ScoreChange;
import dev.diligence.domain.portfolio.TrendInterval;
import dev.diligence.domain.portfolio.TrendPeriods;
import dev.diligence.domain.portfolio.TrendPoint;
import dev.diligence.domain.portfolio.TrendQuery;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.persistence.replica.ReplicaReads;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Portfolio trends of a fund and side-by-side comparisons of companies, for every business role; a
 * fund manager only of granted funds and of companies they hold (anything else, like another firm's,
 * is not found: row-level security hides it). Requests invalid in themselves (a window or a number of
 * companies out of range) are refused before anything is looked up, so the refusal says nothing about
 * what exists. The transactions it begins may read from the replica ({@link ReplicaReads}).
 */
@Service
@Transactional(readOnly = true, label = ReplicaReads.LABEL)
@PreAuthorize(Authorities.TENANT_READER)
public class PortfolioTrendService {

    /** A trend to compute with the framework version it compares under. */
    public record Trend(TrendQuery query, FrameworkVersion version) {}

    /** A comparison with the framework version it compares with. */
    public record Comparison(CompanyComparison comparison, FrameworkVersion version) {}

    private final PortfolioTrends trends;
    private final Portfolios portfolios;
    private final Funds funds;
    private final Frameworks frameworks;
    private final Clock clock;

    PortfolioTrendService(
            PortfolioTrends trends, Portfolios portfolios, Funds funds, Frameworks frameworks, Clock clock) {
        this.trends = trends;
        this.portfolios = portfolios;
        this.funds = funds;
        this.frameworks = frameworks;
        this.clock = clock;
    }

    /**
     * The trend to compute; empty when the caller cannot see the fund.
     *
     * @param frameworkVersion the latest platform version when null
     * @throws RuleViolationException when from is after to, the window has too many points, or the version does not exist
     */
    public Optional<Trend> trend(
            FundId fund,
            Instant from,
            Instant to,
            TrendInterval interval,
            Set<DealStage> dealStages,
            @Nullable Integer frameworkVersion) {
        TrendPeriods.between(from, to, interval);
        if (funds.find(fund).isEmpty()) {
            return Optional.empty();
        }
        FrameworkVersion version = version(frameworkVersion);
        return Optional.of(new Trend(new TrendQuery(fund, from, to, interval, dealStages, version.number()), version));
    }

    public List<TrendPoint> points(TrendQuery query) {
        return trends.points(query);
    }

    public List<ScoreChange> changes(TrendQuery query) {
        return trends.changes(query);
    }

    /**
     * The companies side by side as of now, those the caller cannot see left out; empty when a fund is
     * named that the caller cannot see. The fund's medians are its portfolio summary's (every deal stage)
     * under the compared version as of the same instant.
     *
     * @param frameworkVersion the version compared with; the latest platform version when null
     * @throws RuleViolationException for fewer than 2 or more than 10 companies, or a version that does not exist
     */
    public Optional<Comparison> compare(
            List<CompanyId> companies, @Nullable FundId fund, @Nullable Integer frameworkVersion) {
        if (companies.size() < CompanyComparison.MIN_COMPANIES || companies.size() > CompanyComparison.MAX_COMPANIES) {
            throw new RuleViolationException(Violation.of(
                    "ids",
                    ViolationCode.OUT_OF_RANGE,
                    "compare " + CompanyComparison.MIN_COMPANIES + " to " + CompanyComparison.MAX_COMPANIES
                            + " companies"));
        }
        if (fund != null && funds.find(fund).isEmpty()) {
            return Optional.empty();
        }
        FrameworkVersion compared = version(frameworkVersion);
        int version = compared.number();
        Instant now = TrendPeriods.micros(clock.instant());
        FundMedians medians = null;
        if (fund != null) {
            PortfolioQuery benchmark = new PortfolioQuery(fund, now, Set.of(), version);
            medians = FundMedians.of(benchmark, portfolios.summary(benchmark));
        }
        return Optional.of(
                new Comparison(new CompanyComparison(version, now, trends.compare(companies, now), medians), compared));
    }

    /** The version numbered {@code number}, or the latest platform version. */
    public FrameworkVersion version(@Nullable Integer number) {
        if (number == null) {
            return frameworks.all().stream()
                    .filter(v -> !v.isDerived())
                    .max(Comparator.comparingInt(FrameworkVersion::number))
                    .orElseThrow(() -> new IllegalStateException("no platform framework version is stored"));
        }
        return frameworks
                .find(number)
                .orElseThrow(() -> new RuleViolationException(Violation.of(
                        "frameworkVersion", ViolationCode.NOT_FOUND, "there is no framework version " + number)));
    }
}
