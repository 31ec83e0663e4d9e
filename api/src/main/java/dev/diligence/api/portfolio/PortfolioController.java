package dev.diligence.api.portfolio;

import dev.diligence.api.assessment.AssessmentService;
import dev.diligence.api.assessment.AssessmentView;
import dev.diligence.api.assessment.RedFlagView;
import dev.diligence.api.company.CompanyView;
import dev.diligence.api.company.CompanyViews;
import dev.diligence.api.fund.FundView;
import dev.diligence.api.graphql.BadRequestException;
import dev.diligence.api.graphql.Connection;
import dev.diligence.api.graphql.ConnectionArguments;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.graphql.PageKey;
import dev.diligence.api.graphql.SortDirection;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.portfolio.PortfolioMember;
import dev.diligence.domain.portfolio.PortfolioOrder;
import dev.diligence.domain.portfolio.PortfolioPage;
import dev.diligence.domain.portfolio.PortfolioQuery;
import dev.diligence.domain.portfolio.PortfolioSummary;
import dev.diligence.domain.portfolio.RemediationItem;
import dev.diligence.domain.portfolio.ScoreStatistics;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL portfolio comparison: the summary, the pages of companies and of the remediation ranking, and their batched relations. */
@Controller
class PortfolioController {

    private static final Pattern DIMENSION_CODE = Pattern.compile("D[1-9][0-9]*");

    record PortfolioOrderInput(PortfolioOrder.Key field, String dimension, SortDirection direction) {}

    /** GraphQL {@code DimensionStatistics}. */
    record DimensionStatisticsView(String dimension, ScoreStatistics statistics) {}

    /** GraphQL {@code LevelDistribution}. */
    record LevelDistributionView(int level0, int level1, int level2, int level3, int level4, int suppressed) {}

    /** GraphQL {@code PortfolioVersionGroup}: the companies of a portfolio whose latest assessment is under another version. */
    record VersionGroupView(PortfolioQuery query, int frameworkVersion, List<CompanyId> companyKeys) {}

    /** GraphQL {@code RemediationItem}. */
    record RemediationItemView(CompanyId companyKey, String criterion, int gap, BigDecimal priority) {

        static RemediationItemView of(RemediationItem item) {
            return new RemediationItemView(item.company(), item.criterion(), item.gap(), item.priority());
        }
    }

    private final PortfolioService portfolios;
    private final CompanyViews companyViews;
    private final AssessmentService assessments;

    PortfolioController(PortfolioService portfolios, CompanyViews companyViews, AssessmentService assessments) {
        this.portfolios = portfolios;
        this.companyViews = companyViews;
        this.assessments = assessments;
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

    @SchemaMapping(typeName = "Portfolio", field = "companies")
    Connection<PortfolioCompanyView> companyPage(
            PortfolioView portfolio,
            @Argument Integer first,
            @Argument String after,
            @Argument Integer last,
            @Argument String before,
            @Argument PortfolioOrderInput orderBy,
            DataFetchingFieldSelectionSet selection) {
        PortfolioOrder order = order(orderBy);
        ConnectionArguments arguments = new ConnectionArguments(first, after, last, before);
        PageQuery page = arguments.toPageQuery(order.name());
        PortfolioPage rows =
                portfolios.companies(portfolio.query(), order, page, Connection.selectsOfNodes(selection, "company"));
        return arguments.toConnection(
                page,
                rows.rows(),
                order::cursorOf,
                row -> PortfolioCompanyView.of(row, rows.companies().get(row.company())),
                () -> portfolios.countCompanies(portfolio.query()));
    }

    @SchemaMapping(typeName = "Portfolio")
    Connection<RemediationItemView> remediation(
            PortfolioView portfolio,
            @Argument Integer first,
            @Argument String after,
            @Argument Integer last,
            @Argument String before) {
        ConnectionArguments arguments = new ConnectionArguments(first, after, last, before);
        PageQuery page = arguments.toPageQuery(RemediationItem.ORDER);
        return arguments.toConnection(
                page,
                portfolios.remediation(portfolio.query(), page),
                RemediationItem::cursor,
                RemediationItemView::of,
                () -> portfolios.countRemediation(portfolio.query()));
    }

    /** The rows of a page answer with the companies read along with them; the others' are read in one batch. */
    @BatchMapping(typeName = "PortfolioCompany")
    Map<PortfolioCompanyView, CompanyView> company(List<PortfolioCompanyView> rows) {
        return companyViews.companiesOf(rows, PortfolioCompanyView::companyKey, PortfolioCompanyView::company);
    }

    /** The row's assessment, whole, through the assessments' own loader of whole assessments ({@code wholeAssessment}). */
    @SchemaMapping(typeName = "PortfolioCompany")
    CompletableFuture<AssessmentView> assessment(
            PortfolioCompanyView row, DataLoader<AssessmentId, AssessmentView> wholeAssessment) {
        return wholeAssessment.load(row.assessmentKey());
    }

    /** The row's red flags as the rule objects an assessment's score shows; the same read of the rows' assessments as {@code assessment}. */
    @SchemaMapping(typeName = "PortfolioCompany")
    CompletableFuture<List<RedFlagView>> firedRedFlags(
            PortfolioCompanyView row, DataLoader<AssessmentId, AssessmentView> wholeAssessment) {
        return wholeAssessment
                .load(row.assessmentKey())
                .thenApply(assessment -> assessment == null
                        ? null
                        : assessment.result().redFlags().stream()
                                .map(RedFlagView::of)
                                .toList());
    }

    @BatchMapping(typeName = "RemediationItem")
    Map<RemediationItemView, CompanyView> company(Collection<RemediationItemView> items) {
        return companyViews.companiesOf(items, RemediationItemView::companyKey);
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

    private static PortfolioOrder order(PortfolioOrderInput input) {
        if (input == null) {
            return PortfolioOrder.DEFAULT;
        }
        boolean byDimension = input.field() == PortfolioOrder.Key.DIMENSION;
        if (byDimension != (input.dimension() != null)) {
            throw new BadRequestException("Name a dimension exactly when ordering by DIMENSION");
        }
        if (byDimension && !DIMENSION_CODE.matcher(input.dimension()).matches()) {
            throw new BadRequestException("A dimension code looks like D2");
        }
        return new PortfolioOrder(input.field(), input.dimension(), input.direction() == SortDirection.ASC);
    }
}
