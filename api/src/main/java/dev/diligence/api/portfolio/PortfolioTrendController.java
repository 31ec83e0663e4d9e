package dev.diligence.api.portfolio;

import dev.diligence.api.assessment.AssessmentService;
import dev.diligence.api.assessment.AssessmentView;
import dev.diligence.api.company.CompanyView;
import dev.diligence.api.company.CompanyViews;
import dev.diligence.api.fund.FundService;
import dev.diligence.api.fund.FundView;
import dev.diligence.api.graphql.BadRequestException;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.portfolio.PortfolioTrendView.ChangeView;
import dev.diligence.api.portfolio.PortfolioTrendView.PointView;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.portfolio.TrendInterval;
import dev.diligence.domain.shared.RuleViolationException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL portfolio trends: the points and the score changes of a window, and their batched relations. */
@Controller
class PortfolioTrendController {

    private final PortfolioTrendService trends;
    private final FundService funds;
    private final CompanyViews companyViews;
    private final AssessmentService assessments;

    PortfolioTrendController(
            PortfolioTrendService trends, FundService funds, CompanyViews companyViews, AssessmentService assessments) {
        this.trends = trends;
        this.funds = funds;
        this.companyViews = companyViews;
        this.assessments = assessments;
    }

    @QueryMapping
    PortfolioTrendView portfolioTrend(
            @Argument String fundId,
            @Argument OffsetDateTime from,
            @Argument OffsetDateTime to,
            @Argument TrendInterval interval,
            @Argument List<DealStage> dealStages,
            @Argument Integer frameworkVersion) {
        FundId fund = new FundId(GlobalId.decodeOrNothing(fundId, FundView.TYPE));
        try {
            return trends.trend(
                            fund,
                            from.toInstant(),
                            to.toInstant(),
                            interval,
                            dealStages == null ? Set.of() : Set.copyOf(dealStages),
                            frameworkVersion)
                    .map(trend -> new PortfolioTrendView(trend.query(), trend.version()))
                    .orElse(null);
        } catch (RuleViolationException invalid) {
            throw new BadRequestException(invalid.violations().get(0).message());
        }
    }

    @SchemaMapping(typeName = "PortfolioTrend")
    FundView fund(PortfolioTrendView trend) {
        return funds.find(trend.query().fund()).map(FundView::of).orElseThrow();
    }

    @SchemaMapping(typeName = "PortfolioTrend")
    List<PointView> points(PortfolioTrendView trend) {
        return trends.points(trend.query()).stream().map(trend::point).toList();
    }

    @SchemaMapping(typeName = "PortfolioTrend")
    List<ChangeView> changes(PortfolioTrendView trend) {
        return trends.changes(trend.query()).stream().map(ChangeView::of).toList();
    }

    @BatchMapping(typeName = "ScoreChange")
    Map<ChangeView, CompanyView> company(List<ChangeView> changes) {
        return companyViews.companiesOf(changes, ChangeView::companyKey);
    }

    @BatchMapping(typeName = "ScoreChange")
    Map<ChangeView, AssessmentView> fromAssessment(List<ChangeView> changes) {
        return assessmentsOf(changes, ChangeView::fromKey);
    }

    @BatchMapping(typeName = "ScoreChange")
    Map<ChangeView, AssessmentView> toAssessment(List<ChangeView> changes) {
        return assessmentsOf(changes, ChangeView::toKey);
    }

    private Map<ChangeView, AssessmentView> assessmentsOf(
            List<ChangeView> changes, Function<ChangeView, AssessmentId> key) {
        Map<AssessmentId, AssessmentView> byId =
                assessments.findAll(changes.stream().map(key).distinct().toList()).stream()
                        .collect(Collectors.toMap(s -> s.assessment().id(), AssessmentView::of, (a, b) -> a));
        return changes.stream()
                .filter(change -> byId.containsKey(key.apply(change)))
                .collect(Collectors.toMap(Function.identity(), change -> byId.get(key.apply(change)), (a, b) -> a));
    }
}
