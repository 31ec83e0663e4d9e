package dev.diligence.api.standing;

import dev.diligence.api.assessment.AssessmentView;
import dev.diligence.api.company.CompanyView;
import dev.diligence.api.finding.SeverityCountsView;
import dev.diligence.api.graphql.SiblingFields;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.standing.CompanyStanding;
import dev.diligence.domain.standing.StandingReads;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Company.latestAssessment} and {@code Company.openFindings}, the standing of a company,
 * through one batch loader ({@link StandingLoaders}): the companies of one response level are read
 * in one statement, with both parts when both fields are selected on them and only the one selected
 * otherwise. Both fields build the same key for a company (they look at the same selection), so the
 * loader's cache hands both the same standing.
 */
@Controller
class CompanyStandingController {

    /** A company and the parts of its standing that the selection on it shows (the field being fetched among them). */
    record StandingKey(CompanyId company, StandingReads reads) {

        static StandingKey of(CompanyView company, DataFetchingEnvironment environment) {
            String fetched = environment.getField().getName();
            return new StandingKey(
                    company.companyId(),
                    new StandingReads(
                            fetched.equals("latestAssessment")
                                    || SiblingFields.selected(environment, "latestAssessment"),
                            fetched.equals("openFindings") || SiblingFields.selected(environment, "openFindings")));
        }
    }

    @SchemaMapping(typeName = "Company")
    CompletableFuture<AssessmentView> latestAssessment(
            CompanyView company,
            DataFetchingEnvironment environment,
            DataLoader<StandingKey, CompanyStanding> companyStandings) {
        return companyStandings
                .load(StandingKey.of(company, environment))
                .thenApply(standing -> standing == null
                        ? null
                        : standing.latest().map(AssessmentView::of).orElse(null));
    }

    @SchemaMapping(typeName = "Company")
    CompletableFuture<SeverityCountsView> openFindings(
            CompanyView company,
            DataFetchingEnvironment environment,
            DataLoader<StandingKey, CompanyStanding> companyStandings) {
        return companyStandings
                .load(StandingKey.of(company, environment))
                .thenApply(standing -> standing == null ? null : SeverityCountsView.of(standing.openFindings()));
    }
}
