package dev.diligence.api.assessment;

import dev.diligence.api.company.CompanyView;
import dev.diligence.api.company.CompanyViews;
import dev.diligence.api.finding.FindingService;
import dev.diligence.api.finding.FindingView;
import dev.diligence.api.finding.SeverityCountsView;
import dev.diligence.api.graphql.Connection;
import dev.diligence.api.graphql.ConnectionArguments;
import dev.diligence.api.graphql.PageKey;
import dev.diligence.domain.assessment.AssessmentCursors;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.assessment.AssessmentSummary;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.finding.Finding;
import dev.diligence.domain.finding.Severity;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * How assessments relate to companies and findings, each batched: an assessment's company, findings
 * and open findings; a company's assessments and paged history (its latest publication is part of
 * its standing, {@code CompanyStandingController}); a finding's assessment. Reads return summaries
 * wherever the relation allows it.
 */
@Controller
class AssessmentRelationsController {

    private final AssessmentService assessments;
    private final CompanyViews companyViews;
    private final FindingService findings;

    AssessmentRelationsController(AssessmentService assessments, CompanyViews companyViews, FindingService findings) {
        this.assessments = assessments;
        this.companyViews = companyViews;
        this.findings = findings;
    }

    /** An assessment read with its company (by id) answers with it; the others' companies are read in one batch. */
    @BatchMapping(typeName = "Assessment")
    Map<AssessmentView, CompanyView> company(List<AssessmentView> views) {
        return companyViews.companiesOf(views, AssessmentView::companyKey, AssessmentView::company);
    }

    @BatchMapping(typeName = "Assessment")
    Map<AssessmentView, List<FindingView>> findings(List<AssessmentView> views) {
        Map<AssessmentId, List<FindingView>> byAssessment =
                findings
                        .ofAssessments(views.stream()
                                .map(AssessmentView::assessmentId)
                                .distinct()
                                .toList())
                        .entrySet()
                        .stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey,
                                e -> e.getValue().stream().map(FindingView::of).toList()));
        return views.stream()
                .collect(Collectors.toMap(
                        Function.identity(),
                        view -> byAssessment.getOrDefault(view.assessmentId(), List.of()),
                        (a, b) -> a));
    }

    /**
     * The open findings of each assessment alone, by severity: the live ones not resolved or accepted, as
     * {@code Company.openFindings} counts them over every assessment of the company (clarification 2).
     */
    @BatchMapping(typeName = "Assessment", field = "openFindings")
    Map<AssessmentView, SeverityCountsView> openFindings(List<AssessmentView> views) {
        Map<AssessmentId, List<Finding>> byAssessment = findings.ofAssessments(
                views.stream().map(AssessmentView::assessmentId).distinct().toList());
        return views.stream()
                .collect(Collectors.toMap(
                        Function.identity(),
                        view -> {
                            Map<Severity, Integer> open = new EnumMap<>(Severity.class);
                            for (Severity severity : Severity.values()) {
                                open.put(severity, 0);
                            }
                            byAssessment.getOrDefault(view.assessmentId(), List.of()).stream()
                                    .filter(f -> !f.status().isClosed())
                                    .forEach(f -> open.merge(f.content().severity(), 1, Integer::sum));
                            return SeverityCountsView.of(open);
                        },
                        (a, b) -> a));
    }

    @BatchMapping(typeName = "Company")
    Map<CompanyView, List<AssessmentView>> assessments(List<CompanyView> views) {
        Map<CompanyId, List<ScoredAssessment>> byCompany = assessments.ofCompanies(
                views.stream().map(CompanyView::companyId).distinct().toList());
        return views.stream()
                .collect(Collectors.toMap(
                        Function.identity(),
                        view -> byCompany.getOrDefault(view.companyId(), List.of()).stream()
                                .map(AssessmentView::of)
                                .toList(),
                        (a, b) -> a));
    }

    @SchemaMapping(typeName = "Company", field = "assessmentHistory")
    CompletableFuture<Connection<AssessmentView>> assessmentHistory(
            CompanyView company,
            @Argument Integer first,
            @Argument String after,
            @Argument Integer last,
            @Argument String before,
            DataFetchingFieldSelectionSet selection,
            DataLoader<PageKey<CompanyId>, Connection<AssessmentView>> assessmentHistory) {
        return assessmentHistory.load(PageKey.of(
                company.companyId(),
                new ConnectionArguments(first, after, last, before),
                AssessmentCursors.ORDERING,
                selection));
    }

    @BatchMapping(typeName = "Finding")
    Map<FindingView, AssessmentView> assessment(List<FindingView> views) {
        Map<AssessmentId, AssessmentView> byId =
                assessments
                        .summaries(views.stream()
                                .map(FindingView::assessmentId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(AssessmentSummary::id, AssessmentView::of));
        return views.stream()
                .filter(view -> byId.containsKey(view.assessmentId()))
                .collect(Collectors.toMap(Function.identity(), view -> byId.get(view.assessmentId()), (a, b) -> a));
    }
}
