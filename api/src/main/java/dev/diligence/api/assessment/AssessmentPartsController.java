package dev.diligence.api.assessment;

import dev.diligence.api.assessment.AssessmentView.CriterionView;
import dev.diligence.api.assessment.AssessmentView.ReviewCommentView;
import dev.diligence.domain.assessment.AssessmentId;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The parts of an {@code Assessment} that a summary does not hold: its criteria with their evidence,
 * its review comments, and a score that asks for more than the stored numbers (or of a draft not
 * saved since its score is stored, V024). For a summary they come from the whole assessment, read
 * once per request for all the summaries that need it ({@link AssessmentLoaders#WHOLE_ASSESSMENT}); a
 * whole view answers from itself. A score that asks only for stored numbers reads nothing more.
 */
@Controller
class AssessmentPartsController {

    @SchemaMapping(typeName = "Assessment", field = "criteria")
    CompletableFuture<List<CriterionView>> criteria(
            AssessmentView assessment, DataLoader<AssessmentId, AssessmentView> wholeAssessment) {
        return whole(assessment, wholeAssessment, AssessmentView::criteria);
    }

    @SchemaMapping(typeName = "Assessment", field = "reviewComments")
    CompletableFuture<List<ReviewCommentView>> reviewComments(
            AssessmentView assessment, DataLoader<AssessmentId, AssessmentView> wholeAssessment) {
        return whole(assessment, wholeAssessment, AssessmentView::reviewComments);
    }

    @SchemaMapping(typeName = "Assessment", field = "score")
    CompletableFuture<ScoreView> score(
            AssessmentView assessment,
            DataFetchingEnvironment environment,
            DataLoader<AssessmentId, AssessmentView> wholeAssessment) {
        if (!assessment.whole() && assessment.storedScore() != null && ScoreView.storedNumbersAnswer(environment)) {
            return CompletableFuture.completedFuture(
                    ScoreView.ofStored(assessment.frameworkVersion(), assessment.storedScore(), assessment.stored()));
        }
        return whole(assessment, wholeAssessment, view -> ScoreView.of(view.result(), view.stored()));
    }

    private static <T> CompletableFuture<T> whole(
            AssessmentView assessment,
            DataLoader<AssessmentId, AssessmentView> wholeAssessment,
            Function<AssessmentView, T> part) {
        if (assessment.whole()) {
            return CompletableFuture.completedFuture(part.apply(assessment));
        }
        return wholeAssessment.load(assessment.assessmentId()).thenApply(part);
    }
}
