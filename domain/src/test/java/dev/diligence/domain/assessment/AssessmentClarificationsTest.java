package dev.diligence.domain.assessment;

import static dev.diligence.domain.assessment.AssessmentFixtures.ASSESSOR;
import static dev.diligence.domain.assessment.AssessmentFixtures.ENGINE;
import static dev.diligence.domain.assessment.AssessmentFixtures.SUBMITTED;
import static dev.diligence.domain.assessment.AssessmentFixtures.V1;
import static dev.diligence.domain.assessment.AssessmentFixtures.anAssessment;
import static dev.diligence.domain.assessment.AssessmentFixtures.anUnscoredAssessment;
import static dev.diligence.domain.shared.ViolationAssertions.assertThatRuleViolation;
import static dev.diligence.domain.shared.ViolationAssertions.violation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.scoring.Confidence;
import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.scoring.ScoreState;
import dev.diligence.domain.scoring.ScoringResult;
import dev.diligence.domain.shared.ViolationCode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The clarifications (v1.1) of the framework about assessments: 3 (the diff of two assessments) and 10 (submitting). */
class AssessmentClarificationsTest {

    private static final CompanyId COMPANY = CompanyId.random();
    private static final Instant NOW = Instant.parse("2027-01-10T00:00:00Z");

    @Test
    @DisplayName(
            "Clarification 3: a criterion changed when state, recorded or effective level, confidence or explicit target differ")
    void clarification3WhatMakesACriterionChanged() {
        Assessment before = anAssessment()
                .of(COMPANY)
                .scored("C1.1", 3, Confidence.HIGH)
                .scored("C1.2", 2, Confidence.HIGH)
                .scored("C2.1", 3, Confidence.HIGH)
                .published();
        Map<String, UUID> evidence = new HashMap<>();
        Assessment after = Assessment.startFrom(before, V1, ASSESSOR, ASSESSOR, NOW);
        for (String code : new String[] {"C1.1", "C1.2"}) {
            evidence.put(
                    code,
                    after.criteria().find(code).orElseThrow().evidence().get(0).id());
        }
        after = after
                // evidence removed at level 3: the gate lowers the effective level from 3 to 2, a change
                .removeEvidence("C1.1", evidence.get("C1.1"), ASSESSOR, NOW)
                // evidence removed at level 2: nothing the diff reports moves, no change
                .removeEvidence("C1.2", evidence.get("C1.2"), ASSESSOR, NOW)
                // a second evidence item at level 3: the effective level stays 3, no change
                .addEvidence(
                        "C2.1", EvidenceItem.of(EvidenceKind.NOTE, "another interview", ASSESSOR, NOW), ASSESSOR, NOW)
                // only the explicit target changes
                .scoreCriterion(
                        "C2.2",
                        CriterionScore.scored(2, Confidence.HIGH, 0).withTarget(2),
                        "seen in the demo",
                        ASSESSOR,
                        NOW)
                // only the confidence changes
                .scoreCriterion(
                        "C2.3", CriterionScore.scored(2, Confidence.MEDIUM, 0), "seen in the demo", ASSESSOR, NOW)
                // only the state changes, from scored to not assessed
                .scoreCriterion("C3.1", CriterionScore.unknown(), null, ASSESSOR, NOW);

        AssessmentDiff diff = AssessmentDiff.between(before, after);

        assertThat(diff.criteria()).hasSize(14);
        assertThat(diff.changes()).extracting(CriterionChange::code).containsExactly("C1.1", "C2.2", "C2.3", "C3.1");
        CriterionChange c11 = diff.changes().get(0);
        assertThat(c11.recordedBefore()).isEqualTo(3);
        assertThat(c11.recordedAfter()).isEqualTo(3);
        assertThat(c11.effectiveBefore()).isEqualTo(3);
        assertThat(c11.effectiveAfter()).isEqualTo(2);
        assertThat(c11.effectiveDelta()).isEqualTo(-1);
        assertThat(diff.changes().get(1).targetBefore()).isNull();
        assertThat(diff.changes().get(1).targetAfter()).isEqualTo(2);
        assertThat(diff.changes().get(2).confidenceAfter()).isEqualTo(Confidence.MEDIUM);
    }

    @Test
    @DisplayName(
            "Clarification 3: a side's state is reported for UNKNOWN and NOT_APPLICABLE, with null level, confidence and delta")
    void clarification3StatesWithoutALevel() {
        Assessment before = anAssessment().of(COMPANY).published();
        Assessment after = Assessment.startFrom(before, V1, ASSESSOR, ASSESSOR, NOW)
                .scoreCriterion("C2.3", CriterionScore.notApplicable("batch scoring only"), null, ASSESSOR, NOW)
                .scoreCriterion("C3.1", CriterionScore.unknown(), null, ASSESSOR, NOW);

        AssessmentDiff diff = AssessmentDiff.between(before, after);

        CriterionChange c23 = diff.criteria().stream()
                .filter(c -> c.code().equals("C2.3"))
                .findFirst()
                .orElseThrow();
        assertThat(c23.stateBefore()).isEqualTo(ScoreState.SCORED);
        assertThat(c23.stateAfter()).isEqualTo(ScoreState.NOT_APPLICABLE);
        assertThat(c23.recordedAfter()).isNull();
        assertThat(c23.effectiveAfter()).isNull();
        assertThat(c23.confidenceAfter()).isNull();
        assertThat(c23.effectiveDelta()).isNull();
        CriterionChange c31 = diff.criteria().stream()
                .filter(c -> c.code().equals("C3.1"))
                .findFirst()
                .orElseThrow();
        assertThat(c31.stateAfter()).isEqualTo(ScoreState.UNKNOWN);
        assertThat(c31.recordedAfter()).isNull();
        assertThat(c31.confidenceAfter()).isNull();
        assertThat(c31.changed()).isTrue();
        // the reverse diff reports the same states on the other side
        CriterionChange reversed = AssessmentDiff.between(after, before).criteria().stream()
                .filter(c -> c.code().equals("C3.1"))
                .findFirst()
                .orElseThrow();
        assertThat(reversed.stateBefore()).isEqualTo(ScoreState.UNKNOWN);
        assertThat(reversed.stateAfter()).isEqualTo(ScoreState.SCORED);
        assertThat(reversed.recordedBefore()).isNull();
        assertThat(reversed.effectiveDelta()).isNull();
    }

    @Test
    @DisplayName(
            "Clarification 10: a draft with nothing scored shows its live score without overall or level, and cannot be submitted")
    void clarification10NothingScoredCannotBeSubmitted() {
        Assessment draft = anUnscoredAssessment().draft();

        ScoringResult live = draft.score(V1, ENGINE);

        assertThat(live.overall()).isNull();
        assertThat(live.level()).isEmpty();
        assertThat(live.notAssessed()).hasSize(14);
        assertThatRuleViolation(() -> draft.submit(ASSESSOR, SUBMITTED))
                .containsExactly(violation("criteria", ViolationCode.INVALID_STATE));
        // one scored criterion is enough
        Assessment one = draft.scoreCriterion("C2.1", CriterionScore.scored(1, Confidence.LOW, 0), null, ASSESSOR, NOW);
        assertThat(one.submit(ASSESSOR, NOW).status()).isEqualTo(AssessmentStatus.IN_REVIEW);
    }

    @Test
    @DisplayName(
            "Clarification 10: a draft whose criteria are all not applicable or unknown cannot be submitted either")
    void clarification10NotApplicableIsNotScored() {
        Assessment draft = anUnscoredAssessment()
                .draft()
                .scoreCriterion("C2.1", CriterionScore.notApplicable("no pipelines"), null, ASSESSOR, NOW);

        assertThatRuleViolation(() -> draft.submit(ASSESSOR, NOW))
                .containsExactly(violation("criteria", ViolationCode.INVALID_STATE));
    }
}
