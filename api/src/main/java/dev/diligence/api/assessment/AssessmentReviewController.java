package dev.diligence.api.assessment;

import dev.diligence.api.assessment.AssessmentController.AssessmentPayload;
import dev.diligence.api.graphql.MutationOutcome;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL review workflow of assessments: submitting a draft for review, sending it back,
 * publishing it (four eyes) and retracting a publication. Editing drafts is {@link AssessmentController}'s.
 */
@Controller
class AssessmentReviewController {

    record AssessmentVersionInput(String id, Long expectedVersion) {}

    record RequestAssessmentChangesInput(String id, Long expectedVersion, String comment) {}

    record RetractAssessmentInput(String id, Long expectedVersion, String reason) {}

    private final AssessmentService assessments;

    AssessmentReviewController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @MutationMapping
    AssessmentPayload submitAssessment(@Argument AssessmentVersionInput input) {
        return MutationOutcome.run(
                () -> AssessmentInputTerms.restate(() -> AssessmentPayload.of(
                        assessments.submit(AssessmentView.assessmentId(input.id()), input.expectedVersion()))),
                AssessmentPayload::failed);
    }

    @MutationMapping
    AssessmentPayload requestAssessmentChanges(@Argument RequestAssessmentChangesInput input) {
        return MutationOutcome.run(
                () -> AssessmentPayload.of(assessments.requestChanges(
                        AssessmentView.assessmentId(input.id()), input.expectedVersion(), input.comment())),
                AssessmentPayload::failed);
    }

    @MutationMapping
    AssessmentPayload publishAssessment(@Argument AssessmentVersionInput input) {
        return MutationOutcome.run(
                () -> AssessmentInputTerms.restate(() -> AssessmentPayload.of(
                        assessments.publish(AssessmentView.assessmentId(input.id()), input.expectedVersion()))),
                AssessmentPayload::failed);
    }

    @MutationMapping
    AssessmentPayload retractAssessment(@Argument RetractAssessmentInput input) {
        return MutationOutcome.run(
                () -> AssessmentPayload.of(assessments.retract(
                        AssessmentView.assessmentId(input.id()), input.expectedVersion(), input.reason())),
                AssessmentPayload::failed);
    }
}
