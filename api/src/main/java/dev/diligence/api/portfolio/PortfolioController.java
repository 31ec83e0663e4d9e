package dev.diligence.api.portfolio;

import dev.diligence.api.company.CompanyView;
import dev.diligence.api.company.CompanyViews;
import dev.diligence.api.fund.FundView;
import dev.diligence.api.graphql.BadRequestException;
import dev.diligence.api.graphql.Connection;
import dev.diligence.api.graphql.ConnectionArguments;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.graphql.PageKey;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.portfolio.PortfolioMember;
import dev.diligence.domain.portfolio.PortfolioQuery;
import dev.diligence.domain.portfolio.PortfolioSummary;
import dev.diligence.domain.portfolio.ScoreStatistics;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL portfolio comparison: the query and its summary (statistics, level distribution, the companies outside
 * the cohort); the pages of compared companies and of remediation are {@link PortfolioRowsController}'s.
 */
@Controller
class PortfolioController {

    /** GraphQL {@code DimensionStatistics}. */
    record DimensionStatisticsView(String dimension, ScoreStatistics statistics) {}

    /** GraphQL {@code LevelDistribution}. */
    record LevelDistributionView(int level0, int level1, int level2, int level3, int level4, int suppressed) {}

    /** GraphQL {@code PortfolioVersionGroup}: the companies of a portfolio whose latest assessment is under another version. */
    record VersionGroupView(PortfolioQuery query, int frameworkVersion, List<CompanyId> companyKeys) {}

    private final PortfolioService portfolios;
    private final CompanyViews companyViews;

    PortfolioController(PortfolioService portfolios, CompanyViews companyViews) {
        this.portfolios = portfolios;
        this.companyViews = companyViews;
    }

    @QueryMapping
    PortfolioView portfolio(
            @Argument String fundId,
            @Argument OffsetDateTime asOf,
            @Argument List<DealStage> dealStages,
            @Argument Integer frameworkVersion) {
        FundId fund = new FundId(GlobalId.decodeOrNothing(fundId, FundView.TYPE));
        try {
            return portfolios
                    .comparison(
                            fund,
                            asOf == null ? null : asOf.toInstant(),
                            dealStages == null ? Set.of() : Set.copyOf(dealStages),
                            frameworkVersion)
                    .map(comparison -> new PortfolioView(
                            comparison.query(),
                            comparison.version(),
                            FundView.of(comparison.fund()),
                            () -> portfolios.summary(comparison.query())))
                    .orElse(null);
        } catch (RuleViolationException unknownVersion) {
            throw new BadRequestException(unknownVersion.violations().get(0).message());
        }
    }

    @SchemaMapping(typeName = "Portfolio")
    int cohortSize(PortfolioView portfolio) {
        return portfolio.summary().cohortSize();
    }

    @SchemaMapping(typeName = "Portfolio")
    ScoreStatistics overall(PortfolioView portfolio) {
        return portfolio.summary().overall();
    }

    @SchemaMapping(typeName = "Portfolio")
    List<DimensionStatisticsView> dimensions(PortfolioView portfolio) {
        PortfolioSummary summary = portfolio.summary();
        return portfolio.version().dimensions().stream()
                .map(d -> new DimensionStatisticsView(
                        d.code(), summary.dimensions().getOrDefault(d.code(), ScoreStatistics.empty())))
                .toList();
    }

    @SchemaMapping(typeName = "Portfolio")
    LevelDistributionView levelDistribution(PortfolioView portfolio) {
        PortfolioSummary summary = portfolio.summary();
        List<Integer> levels = summary.levels();
        return new LevelDistributionView(
                levels.get(0), levels.get(1), levels.get(2), levels.get(3), levels.get(4), summary.levelSuppressed());
    }

    @SchemaMapping(typeName = "Portfolio")
    List<CompanyView> unassessedCompanies(PortfolioView portfolio) {
        return companiesInOrder(portfolio.summary().unassessed());
    }

    @SchemaMapping(typeName = "Portfolio")
    Connection<CompanyView> unassessed(
            PortfolioView portfolio,
            @Argument Integer first,
            @Argument String after,
            @Argument Integer last,
            @Argument String before) {
        ConnectionArguments arguments = new ConnectionArguments(first, after, last, before);
        PageQuery page = arguments.toPageQuery(PortfolioMember.ORDER.name());
        Slice<PortfolioMember> members = portfolios.unassessed(portfolio.query(), page);
        return memberConnection(
                arguments,
                page,
                members,
                companyViews.byId(
                        members.items().stream().map(PortfolioMember::company).toList()),
                () -> portfolios.countUnassessed(portfolio.query()));
    }

    @SchemaMapping(typeName = "Portfolio")
    List<VersionGroupView> otherVersions(PortfolioView portfolio) {
        return portfolio.summary().otherVersions().entrySet().stream()
                .map(e -> new VersionGroupView(portfolio.query(), e.getKey(), e.getValue()))
                .sorted((a, b) -> Integer.compare(a.frameworkVersion(), b.frameworkVersion()))
                .toList();
    }

    @SchemaMapping(typeName = "PortfolioVersionGroup")
    List<CompanyView> companies(VersionGroupView group) {
        return companiesInOrder(group.companyKeys());
    }

    @SchemaMapping(typeName = "PortfolioVersionGroup", field = "companyPage")
    CompletableFuture<Connection<CompanyView>> versionGroupCompanyPage(
            VersionGroupView group,
            @Argument Integer first,
            @Argument String after,
            @Argument Integer last,
            @Argument String before,
            DataFetchingFieldSelectionSet selection,
            DataLoader<PageKey<PortfolioLoaders.VersionGroup>, Connection<CompanyView>> versionGroupCompanies) {
        return versionGroupCompanies.load(PageKey.of(
                new PortfolioLoaders.VersionGroup(group.query(), group.frameworkVersion()),
                new ConnectionArguments(first, after, last, before),
                PortfolioMember.ORDER.name(),
                selection));
    }

    private List<CompanyView> companiesInOrder(List<CompanyId> ids) {
        Map<CompanyId, CompanyView> byId = companyViews.byId(ids);
        return ids.stream().filter(byId::containsKey).map(byId::get).toList();
    }

    /** A page of companies listed by name outside the cohort, as a {@code CompanyConnection}; cursors are the members' own. */
    static Connection<CompanyView> memberConnection(
            ConnectionArguments arguments,
            PageQuery page,
            Slice<PortfolioMember> members,
            Map<CompanyId, CompanyView> views,
            LongSupplier total) {
        Slice<PortfolioMember> visible = new Slice<>(
                members.items().stream()
                        .filter(member -> views.containsKey(member.company()))
                        .toList(),
                members.hasMore());
        return arguments.toConnection(
                page, visible, PortfolioMember::cursor, member -> views.get(member.company()), total);
    }
}
