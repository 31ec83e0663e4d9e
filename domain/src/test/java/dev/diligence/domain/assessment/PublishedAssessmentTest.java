package dev.diligence.domain.assessment;

import static dev.diligence.domain.assessment.AssessmentFixtures.ASSESSOR;
import static dev.diligence.domain.assessment.AssessmentFixtures.ENGINE;
import static dev.diligence.domain.assessment.AssessmentFixtures.V1;
import static dev.diligence.domain.assessment.AssessmentFixtures.anAssessment;
import static dev.diligence.domain.shared.ViolationAssertions.assertThatRuleViolation;
import static dev.diligence.domain.shared.ViolationAssertions.generalViolation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.scoring.AssessmentContext;
import dev.diligence.domain.scoring.Confidence;
import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.shared.ViolationCode;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Published and retracted assessments are immutable: every mutator is refused, and refused in review too. */
class PublishedAssessmentTest {

    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");

    static Stream<Arguments> mutators() {
        return Stream.of(
                Arguments.of("scoreCriterion", (Function<Assessment, Assessment>) a -> a.scoreCriterion(
                        "C1.1", CriterionScore.scored(4, Confidence.HIGH, 0), "better", ASSESSOR, NOW)),
                Arguments.of("setContext", (Function<Assessment, Assessment>)
                        a -> a.setContext(AssessmentContext.DEFAULT.withModelsInProduction(true), ASSESSOR, NOW)),
                Arguments.of("addEvidence", (Function<Assessment, Assessment>) a -> a.addEvidence(
                        "C1.1", EvidenceItem.of(EvidenceKind.NOTE, "more", ASSESSOR, NOW), ASSESSOR, NOW)),
                Arguments.of("removeEvidence", (Function<Assessment, Assessment>) a -> a.removeEvidence(
                        "C1.1",
                        a.criteria()
                                .find("C1.1")
                                .orElseThrow()
                                .evidence()
                                .get(0)
                                .id(),
                        ASSESSOR,
                        NOW)),
                Arguments.of("submit", (Function<Assessment, Assessment>) a -> a.submit(ASSESSOR, NOW)),
                Arguments.of("requestChanges", (Function<Assessment, Assessment>)
                        a -> a.requestChanges("reviewer-x", "redo", NOW)),
                Arguments.of(
                        "publish", (Function<Assessment, Assessment>) a -> a.publish("reviewer-x", V1, ENGINE, NOW)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutators")
    void aPublishedAssessmentRefuses(String name, Function<Assessment, Assessment> mutator) {
        Assessment published = anAssessment().published();

        assertThatRuleViolation(() -> mutator.apply(published))
                .containsExactly(generalViolation(ViolationCode.INVALID_STATE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutators")
    void aRetractedAssessmentRefuses(String name, Function<Assessment, Assessment> mutator) {
        Assessment retracted = anAssessment().retracted();

        assertThatRuleViolation(() -> mutator.apply(retracted))
                .containsExactly(generalViolation(ViolationCode.INVALID_STATE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutators")
    void anAssessmentInReviewRefusesEditsAndResubmission(String name, Function<Assessment, Assessment> mutator) {
        Assessment inReview = anAssessment().inReview();
        if (name.equals("requestChanges") || name.equals("publish")) {
            assertThat(mutator.apply(inReview).status()).isNotEqualTo(AssessmentStatus.IN_REVIEW);
        } else {
            assertThatRuleViolation(() -> mutator.apply(inReview))
                    .containsExactly(generalViolation(ViolationCode.INVALID_STATE));
        }
    }
}
