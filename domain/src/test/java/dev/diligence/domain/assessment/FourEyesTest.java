package dev.diligence.domain.assessment;

import static dev.diligence.domain.assessment.AssessmentFixtures.ASSESSOR;
import static dev.diligence.domain.assessment.AssessmentFixtures.ENGINE;
import static dev.diligence.domain.assessment.AssessmentFixtures.OTHER_ASSESSOR;
import static dev.diligence.domain.assessment.AssessmentFixtures.PUBLISHED;
import static dev.diligence.domain.assessment.AssessmentFixtures.REVIEWER;
import static dev.diligence.domain.assessment.AssessmentFixtures.SUBMITTED;
import static dev.diligence.domain.assessment.AssessmentFixtures.V1;
import static dev.diligence.domain.assessment.AssessmentFixtures.anAssessment;
import static dev.diligence.domain.shared.ViolationAssertions.assertThatRuleViolation;
import static dev.diligence.domain.shared.ViolationAssertions.violation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.scoring.AssessmentContext;
import dev.diligence.domain.scoring.Confidence;
import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.shared.ViolationCode;
import org.junit.jupiter.api.Test;

/** Nobody publishes an assessment that they submitted or edited, whatever their roles. */
class FourEyesTest {

    @Test
    void theSubmitterCannotPublish() {
        Assessment submittedByOther = anAssessment().draft().submit(OTHER_ASSESSOR, SUBMITTED);

        assertThatRuleViolation(() -> submittedByOther.publish(OTHER_ASSESSOR, V1, ENGINE, PUBLISHED))
                .containsExactly(violation("reviewer", ViolationCode.INVALID));
    }

    @Test
    void theStarterCannotPublishEvenIfSomeoneElseSubmitted() {
        Assessment inReview = anAssessment().draft().submit(OTHER_ASSESSOR, SUBMITTED);

        assertThatRuleViolation(() -> inReview.publish(ASSESSOR, V1, ENGINE, PUBLISHED))
                .containsExactly(violation("reviewer", ViolationCode.INVALID));
    }

    @Test
    void anEditorCannotPublish() {
        Assessment inReview = anAssessment()
                .draft()
                .scoreCriterion("C2.2", CriterionScore.scored(1, Confidence.MEDIUM, 0), null, REVIEWER, SUBMITTED)
                .submit(ASSESSOR, SUBMITTED);

        assertThatRuleViolation(() -> inReview.publish(REVIEWER, V1, ENGINE, PUBLISHED))
                .containsExactly(violation("reviewer", ViolationCode.INVALID));
    }

    @Test
    void whoeverChangedTheContextCannotPublish() {
        Assessment inReview = anAssessment()
                .draft()
                .setContext(AssessmentContext.DEFAULT.withModelsInProduction(true), REVIEWER, SUBMITTED)
                .submit(ASSESSOR, SUBMITTED);

        assertThatRuleViolation(() -> inReview.publish(REVIEWER, V1, ENGINE, PUBLISHED))
                .containsExactly(violation("reviewer", ViolationCode.INVALID));
    }

    @Test
    void editingInAnEarlierRoundStillCounts() {
        Assessment secondRound = anAssessment()
                .draft()
                .submit(OTHER_ASSESSOR, SUBMITTED)
                .requestChanges(ASSESSOR, "please add evidence", SUBMITTED)
                .submit(REVIEWER, SUBMITTED)
                .requestChanges(ASSESSOR, "again", SUBMITTED)
                .submit(ASSESSOR, SUBMITTED);

        assertThatRuleViolation(() -> secondRound.publish(OTHER_ASSESSOR, V1, ENGINE, PUBLISHED))
                .containsExactly(violation("reviewer", ViolationCode.INVALID));
        assertThatRuleViolation(() -> secondRound.publish(REVIEWER, V1, ENGINE, PUBLISHED))
                .containsExactly(violation("reviewer", ViolationCode.INVALID));
    }

    @Test
    void someoneWhoNeitherSubmittedNorEditedCanPublish() {
        Assessment published = anAssessment().inReview().publish(REVIEWER, V1, ENGINE, PUBLISHED);

        assertThat(published.status()).isEqualTo(AssessmentStatus.PUBLISHED);
        assertThat(published.publication().publishedBy()).isEqualTo(REVIEWER);
    }

    @Test
    void requestingChangesDoesNotMakeTheReviewerAnEditor() {
        Assessment published = anAssessment()
                .inReview()
                .requestChanges(REVIEWER, "C4.4 evidence missing", SUBMITTED)
                .submit(ASSESSOR, SUBMITTED)
                .publish(REVIEWER, V1, ENGINE, PUBLISHED);

        assertThat(published.status()).isEqualTo(AssessmentStatus.PUBLISHED);
    }
}
