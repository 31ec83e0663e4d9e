package dev.diligence.api.portfolio;

import dev.diligence.api.assessment.AssessmentService;
import dev.diligence.api.assessment.AssessmentView;
import dev.diligence.api.company.CompanyView;
import dev.diligence.api.company.CompanyViews;
import dev.diligence.api.fund.FundService;
import dev.diligence.api.fund.FundView;
import dev.diligence.api.graphql.BadRequestException;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.portfolio.CompanyComparisonView.ComparedCompanyView;
import dev.diligence.api.portfolio.CompanyComparisonView.MediansView;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.portfolio.ComparedCompany;
import dev.diligence.domain.shared.RuleViolationException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL {@code compareCompanies}. An ID that names no company the caller can see (unknown, malformed,
 * of another type, another firm's, outside a fund manager's grants) is echoed in {@code missing}, all alike.
 */
@Controller
class CompanyComparisonController {

    private final PortfolioTrendService trends;
    private final FundService funds;
    private final CompanyViews companyViews;
    private final AssessmentService assessments;

    CompanyComparisonController(
            PortfolioTrendService trends, FundService funds, CompanyViews companyViews, AssessmentService assessments) {
        this.trends = trends;
        this.funds = funds;
        this.companyViews = companyViews;
        this.assessments = assessments;
    }

    @QueryMapping
    CompanyComparisonView compareCompanies(
            @Argument List<String> ids, @Argument String fundId, @Argument Integer frameworkVersion) {
        List<CompanyId> asked = ids.stream()
                .map(id -> new CompanyId(GlobalId.decodeOrNothing(id, CompanyView.TYPE)))
                .toList();
        FundId fund = fundId == null ? null : new FundId(GlobalId.decodeOrNothing(fundId, FundView.TYPE));
        try {
            return trends.compare(asked, fund, frameworkVersion)
                    .map(found -> {
                        Set<CompanyId> listed = found.comparison().companies().stream()
                                .map(ComparedCompany::company)
                                .collect(Collectors.toSet());
                        List<String> missing = ids.stream()
                                .distinct()
                                .filter(id ->
                                        !listed.contains(new CompanyId(GlobalId.decodeOrNothing(id, CompanyView.TYPE))))
                                .toList();
                        return CompanyComparisonView.of(found.comparison(), found.version(), missing);
                    })
                    .orElse(null);
        } catch (RuleViolationException invalid) {
            throw new BadRequestException(invalid.violations().get(0).message());
        }
    }

    @SchemaMapping(typeName = "FundMedians")
    FundView fund(MediansView medians) {
        return funds.find(medians.fundKey()).map(FundView::of).orElseThrow();
    }

    @BatchMapping(typeName = "ComparedCompany")
    Map<ComparedCompanyView, CompanyView> company(List<ComparedCompanyView> rows) {
        return companyViews.companiesOf(rows, ComparedCompanyView::companyKey);
    }

    @BatchMapping(typeName = "ComparedCompany")
    Map<ComparedCompanyView, AssessmentView> assessment(List<ComparedCompanyView> rows) {
        List<AssessmentId> keys = rows.stream()
                .map(ComparedCompanyView::assessmentKey)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<AssessmentId, AssessmentView> byId = assessments.findAll(keys).stream()
                .collect(Collectors.toMap(s -> s.assessment().id(), AssessmentView::of, (a, b) -> a));
        return rows.stream()
                .filter(row -> row.assessmentKey() != null && byId.containsKey(row.assessmentKey()))
                .collect(Collectors.toMap(Function.identity(), row -> byId.get(row.assessmentKey()), (a, b) -> a));
    }
}
