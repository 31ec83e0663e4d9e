package dev.diligence.domain.assessment;

import static dev.diligence.domain.assessment.AssessmentFixtures.ASSESSOR;
import static dev.diligence.domain.assessment.AssessmentFixtures.V1;
import static dev.diligence.domain.assessment.AssessmentFixtures.anAssessment;
import static dev.diligence.domain.shared.ViolationAssertions.assertThatRuleViolation;
import static dev.diligence.domain.shared.ViolationAssertions.generalViolation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.scoring.Confidence;
import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.scoring.ScoreState;
import dev.diligence.domain.shared.ViolationCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AssessmentDiffTest {

    private static final CompanyId COMPANY = CompanyId.random();
    private static final Instant NOW = Instant.parse("2027-01-10T00:00:00Z");

    @Test
    void identicalAssessmentsHaveNoChangesButListEveryCriterion() {
        Assessment published = anAssessment().of(COMPANY).published();
        Assessment copy = Assessment.startFrom(published, V1, ASSESSOR, ASSESSOR, NOW);

        AssessmentDiff diff = AssessmentDiff.between(published, copy);

        assertThat(diff.criteria()).hasSize(14);
        assertThat(diff.changes()).isEmpty();
    }

    @Test
    void reportsRecordedAndEffectiveLevelConfidenceStateAndTargetChanges() {
        Assessment before = anAssessment().of(COMPANY).published();
        Assessment after = Assessment.startFrom(before, V1, ASSESSOR, ASSESSOR, NOW)
                .scoreCriterion("C1.1", CriterionScore.scored(4, Confidence.LOW, 0), "self-reported", ASSESSOR, NOW)
                .scoreCriterion("C2.3", CriterionScore.notApplicable("batch scoring only"), null, ASSESSOR, NOW)
                .scoreCriterion(
                        "C4.1", CriterionScore.scored(2, Confidence.HIGH, 0).withTarget(3), null, ASSESSOR, NOW);

        AssessmentDiff diff = AssessmentDiff.between(before, after);

        assertThat(diff.changes()).extracting(CriterionChange::code).containsExactly("C1.1", "C2.3", "C4.1");
        CriterionChange c11 = diff.changes().get(0);
        assertThat(c11.recordedBefore()).isEqualTo(2);
        assertThat(c11.recordedAfter()).isEqualTo(4);
        assertThat(c11.effectiveAfter()).as("gated by low confidence").isEqualTo(2);
        assertThat(c11.effectiveDelta()).isZero();
        assertThat(c11.confidenceBefore()).isEqualTo(Confidence.HIGH);
        assertThat(c11.confidenceAfter()).isEqualTo(Confidence.LOW);
        CriterionChange c23 = diff.changes().get(1);
        assertThat(c23.stateAfter()).isEqualTo(ScoreState.NOT_APPLICABLE);
        assertThat(c23.recordedAfter()).isNull();
        assertThat(c23.effectiveDelta()).isNull();
        CriterionChange c41 = diff.changes().get(2);
        assertThat(c41.targetBefore()).isNull();
        assertThat(c41.targetAfter()).isEqualTo(3);
    }

    @Test
    void refusesToCompareAssessmentsOfDifferentCompanies() {
        Assessment one = anAssessment().published();
        Assessment other = anAssessment().published();

        assertThatRuleViolation(() -> AssessmentDiff.between(one, other))
                .containsExactly(generalViolation(ViolationCode.INVALID));
    }
}
