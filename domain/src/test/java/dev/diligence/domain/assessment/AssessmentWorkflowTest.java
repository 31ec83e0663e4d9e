package dev.diligence.domain.assessment;

import static dev.diligence.domain.assessment.AssessmentFixtures.ASSESSOR;
import static dev.diligence.domain.assessment.AssessmentFixtures.ENGINE;
import static dev.diligence.domain.assessment.AssessmentFixtures.PUBLISHED;
import static dev.diligence.domain.assessment.AssessmentFixtures.REVIEWER;
import static dev.diligence.domain.assessment.AssessmentFixtures.STARTED;
import static dev.diligence.domain.assessment.AssessmentFixtures.SUBMITTED;
import static dev.diligence.domain.assessment.AssessmentFixtures.V1;
import static dev.diligence.domain.assessment.AssessmentFixtures.anAssessment;
import static dev.diligence.domain.assessment.AssessmentFixtures.anUnscoredAssessment;
import static dev.diligence.domain.shared.ViolationAssertions.assertThatRuleViolation;
import static dev.diligence.domain.shared.ViolationAssertions.generalViolation;
import static dev.diligence.domain.shared.ViolationAssertions.violation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.framework.Criterion;
import dev.diligence.domain.scoring.AssessmentContext;
import dev.diligence.domain.scoring.ScoreState;
import dev.diligence.domain.scoring.ScoringResult;
import dev.diligence.domain.shared.ViolationCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AssessmentWorkflowTest {

    private static final Instant LATER = Instant.parse("2026-03-07T08:00:00Z");

    @Test
    void startsADraftWithEveryCriterionOfTheVersionNotAssessed() {
        Assessment draft =
                Assessment.start(CompanyId.random(), V1, AssessmentContext.DEFAULT, ASSESSOR, ASSESSOR, STARTED);

        assertThat(draft.status()).isEqualTo(AssessmentStatus.DRAFT);
        assertThat(draft.frameworkVersion()).isEqualTo(1);
        assertThat(draft.criteria().byCode().keySet())
                .containsExactlyElementsOf(
                        V1.criteria().stream().map(Criterion::code).toList())
                .hasSize(14);
        assertThat(draft.criteria().all()).allSatisfy(c -> {
            assertThat(c.score().state()).isEqualTo(ScoreState.UNKNOWN);
            assertThat(c.evidence()).isEmpty();
        });
        assertThat(draft.criteria().coversExactly(V1)).isTrue();
        assertThat(draft.publication()).isNull();
        assertThat(draft.version()).isZero();
    }

    @Test
    void refusesToStartWithoutALeadAssessor() {
        assertThatRuleViolation(() ->
                        Assessment.start(CompanyId.random(), V1, AssessmentContext.DEFAULT, " ", ASSESSOR, STARTED))
                .containsExactly(violation("leadAssessor", ViolationCode.REQUIRED));
    }

    @Test
    void submittingMovesADraftIntoReviewAndRecordsTheSubmitter() {
        Assessment inReview = anAssessment().draft().submit(ASSESSOR, SUBMITTED);

        assertThat(inReview.status()).isEqualTo(AssessmentStatus.IN_REVIEW);
        assertThat(inReview.review().submitters()).containsExactly(ASSESSOR);
        assertThat(inReview.updatedAt()).isEqualTo(SUBMITTED);
    }

    @Test
    void refusesToSubmitADraftWithNothingScored() {
        Assessment draft = anUnscoredAssessment().draft();

        assertThatRuleViolation(() -> draft.submit(ASSESSOR, SUBMITTED))
                .containsExactly(violation("criteria", ViolationCode.INVALID_STATE));
    }

    @Test
    void refusesToSubmitWhatIsAlreadyInReview() {
        Assessment inReview = anAssessment().inReview();

        assertThatRuleViolation(() -> inReview.submit(ASSESSOR, LATER))
                .containsExactly(generalViolation(ViolationCode.INVALID_STATE));
    }

    @Test
    void requestingChangesReturnsTheAssessmentToDraftAndKeepsTheComment() {
        Assessment sentBack = anAssessment().inReview().requestChanges(REVIEWER, "  C4.2 needs evidence ", LATER);

        assertThat(sentBack.status()).isEqualTo(AssessmentStatus.DRAFT);
        assertThat(sentBack.review().comments())
                .containsExactly(new ReviewComment(REVIEWER, "C4.2 needs evidence", LATER));
        assertThat(sentBack.review().submitters()).containsExactly(ASSESSOR);
    }

    @Test
    void commentsAccumulateOverReviewRounds() {
        Assessment twice = anAssessment()
                .inReview()
                .requestChanges(REVIEWER, "first", LATER)
                .submit(ASSESSOR, LATER)
                .requestChanges(REVIEWER, "second", LATER);

        assertThat(twice.review().comments()).extracting(ReviewComment::text).containsExactly("first", "second");
    }

    @Test
    void refusesToRequestChangesWithoutAComment() {
        Assessment inReview = anAssessment().inReview();

        assertThatRuleViolation(() -> inReview.requestChanges(REVIEWER, "   ", LATER))
                .containsExactly(violation("comment", ViolationCode.REQUIRED));
    }

    @Test
    void refusesToRequestChangesOnADraft() {
        Assessment draft = anAssessment().draft();

        assertThatRuleViolation(() -> draft.requestChanges(REVIEWER, "why", LATER))
                .containsExactly(generalViolation(ViolationCode.INVALID_STATE));
    }

    @Test
    void publishingStoresTheEngineResultAtThatMoment() {
        Assessment inReview = anAssessment()
                .scored("C4.2", 4, dev.diligence.domain.scoring.Confidence.LOW)
                .inReview();
        ScoringResult expected =
                ENGINE.score(V1, inReview.context(), inReview.criteria().scores());

        Assessment published = inReview.publish(REVIEWER, V1, ENGINE, PUBLISHED);

        assertThat(published.status()).isEqualTo(AssessmentStatus.PUBLISHED);
        assertThat(published.publication()).isEqualTo(new Publication(REVIEWER, PUBLISHED, expected));
        assertThat(published.publication().result().overall().score())
                .isEqualTo(expected.overall().score());
        assertThat(published.publication().result().overall().score().scale()).isEqualTo(10);
        assertThat(published.score(V1, ENGINE)).isSameAs(published.publication().result());
    }

    @Test
    void refusesToPublishADraft() {
        Assessment draft = anAssessment().draft();

        assertThatRuleViolation(() -> draft.publish(REVIEWER, V1, ENGINE, PUBLISHED))
                .containsExactly(generalViolation(ViolationCode.INVALID_STATE));
    }

    @Test
    void refusesToPublishTwice() {
        Assessment published = anAssessment().published();

        assertThatRuleViolation(() -> published.publish("reviewer-other", V1, ENGINE, LATER))
                .containsExactly(generalViolation(ViolationCode.INVALID_STATE));
    }

    @Test
    void retractionKeepsThePublicationAndRecordsTheReason() {
        Assessment published = anAssessment().published();

        Assessment retracted = published.retract("admin", "  wrong company ", LATER);

        assertThat(retracted.status()).isEqualTo(AssessmentStatus.RETRACTED);
        assertThat(retracted.publication()).isEqualTo(published.publication());
        assertThat(retracted.retraction()).isEqualTo(new Retraction("admin", "wrong company", LATER));
    }

    @Test
    void refusesToRetractWithoutAReason() {
        Assessment published = anAssessment().published();

        assertThatRuleViolation(() -> published.retract("admin", "", LATER))
                .containsExactly(violation("reason", ViolationCode.REQUIRED));
    }

    @Test
    void refusesToRetractWhatIsNotPublished() {
        assertThatRuleViolation(() -> anAssessment().draft().retract("admin", "why", LATER))
                .containsExactly(generalViolation(ViolationCode.INVALID_STATE));
        assertThatRuleViolation(() -> anAssessment().inReview().retract("admin", "why", LATER))
                .containsExactly(generalViolation(ViolationCode.INVALID_STATE));
        assertThatRuleViolation(() -> anAssessment().retracted().retract("admin", "again", LATER))
                .containsExactly(generalViolation(ViolationCode.INVALID_STATE));
    }

    @Test
    void aDraftIsScoredLiveFromItsRecordedInputs() {
        Assessment draft = anAssessment().draft();

        assertThat(draft.score(V1, ENGINE))
                .isEqualTo(ENGINE.score(V1, draft.context(), draft.criteria().scores()));
    }

    @Test
    void refusesAStaleVersion() {
        Assessment draft = anAssessment().draft();

        assertThatRuleViolation(() -> draft.requireVersion(7))
                .containsExactly(violation("expectedVersion", ViolationCode.STALE_VERSION));
    }

    @Test
    void statusesMoveOnlyAlongTheWorkflow() {
        assertThat(AssessmentStatus.DRAFT.next()).containsExactly(AssessmentStatus.IN_REVIEW);
        assertThat(AssessmentStatus.IN_REVIEW.next())
                .containsExactlyInAnyOrder(AssessmentStatus.DRAFT, AssessmentStatus.PUBLISHED);
        assertThat(AssessmentStatus.PUBLISHED.next()).containsExactly(AssessmentStatus.RETRACTED);
        assertThat(AssessmentStatus.RETRACTED.next()).isEmpty();
    }
}
