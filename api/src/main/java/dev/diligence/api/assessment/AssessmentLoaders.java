package dev.diligence.api.assessment;

import dev.diligence.api.graphql.Connection;
import dev.diligence.api.graphql.PageKey;
import dev.diligence.domain.assessment.AssessmentCursors;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.shared.paging.Slice;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Mono;

/**
 * The batch loaders of assessments. {@code Company.assessmentHistory}: all the companies of one
 * response level that ask for the same page are loaded with one page read (five statements: the
 * rows, then each child table) and one count statement when {@code totalCount} is selected, whatever
 * their number. {@value #WHOLE_ASSESSMENT}: whole assessments by id, five statements for all of them:
 * those behind summaries whose criteria, review comments or computed score are asked for, and the
 * assessments of portfolio rows ({@code PortfolioCompany.assessment} and {@code firedRedFlags}).
 */
@Configuration(proxyBeanMethods = false)
class AssessmentLoaders {

    static final String ASSESSMENT_HISTORY = "assessmentHistory";
    static final String WHOLE_ASSESSMENT = "wholeAssessment";

    AssessmentLoaders(BatchLoaderRegistry registry, AssessmentService assessments) {
        registry.<AssessmentId, AssessmentView>forName(WHOLE_ASSESSMENT)
                .registerMappedBatchLoader((ids, environment) ->
                        Mono.fromSupplier(() -> assessments.findAll(ids).stream()
                                .collect(Collectors.toMap(
                                        scored -> scored.assessment().id(), AssessmentView::of))));
        registry.<PageKey<CompanyId>, Connection<AssessmentView>>forName(ASSESSMENT_HISTORY)
                .registerMappedBatchLoader((keys, environment) -> Mono.fromSupplier(() -> {
                    Map<PageKey<CompanyId>, Connection<AssessmentView>> connections = new HashMap<>();
                    keys.stream()
                            .collect(Collectors.groupingBy(PageKey::window))
                            .forEach((window, group) -> {
                                List<CompanyId> companies = group.stream()
                                        .map(PageKey::parent)
                                        .distinct()
                                        .toList();
                                Map<CompanyId, Slice<ScoredAssessment>> slices =
                                        assessments.pageOfCompanies(companies, window.page());
                                Map<CompanyId, Long> totals =
                                        window.counted() ? assessments.countOfCompanies(companies) : Map.of();
                                for (PageKey<CompanyId> key : group) {
                                    long total = totals.getOrDefault(key.parent(), 0L);
                                    connections.put(
                                            key,
                                            window.arguments()
                                                    .toConnection(
                                                            window.page(),
                                                            slices.get(key.parent()),
                                                            scored -> AssessmentCursors.of(scored.assessment()),
                                                            AssessmentView::of,
                                                            () -> total));
                                }
                            });
                    return connections;
                }));
    }
}
