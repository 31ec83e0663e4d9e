package dev.diligence.api.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.export.Cell;
import dev.diligence.api.export.LabelledValues;
import dev.diligence.api.export.Table;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.assessment.EvidenceItem;
import dev.diligence.domain.assessment.EvidenceKind;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.framework.FrameworkV1;
import dev.diligence.domain.scoring.AssessmentContext;
import dev.diligence.domain.scoring.Confidence;
import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.scoring.EuAiActTier;
import dev.diligence.domain.scoring.ScoreState;
import dev.diligence.domain.scoring.ScoringEngine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The tables of an assessment's export, from a draft of a high-risk company: a criterion gated by low
 * confidence, one not applicable, governance lacking (RF3 caps D4), evidence that is a formula.
 */
class AssessmentTablesTest {

    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static final String FORMULA = "=cmd|' /C calc'!A0";

    private final ScoredAssessment scored = draft();

    @Test
    void aRowPerCriterionOfTheVersionInFrameworkOrderWithItsNameAndEvidence() {
        Table table = CriterionTable.of(scored, FrameworkV1.VERSION);

        assertThat(table.title()).isEqualTo("Criteria");
        assertThat(table.rows())
                .hasSize(FrameworkV1.VERSION.criteria().size())
                .allSatisfy(row -> assertThat(row).hasSameSizeAs(CriterionTable.HEADER));
        assertThat(table.rows()).extracting(row -> row.get(1).value()).startsWith("C1.1", "C1.2", "C1.3");
        assertThat(row(table, "C1.3"))
                .extracting(Cell::value)
                .containsExactly(
                        "D1",
                        "C1.3",
                        FrameworkV1.VERSION.criterion("C1.3").orElseThrow().name(),
                        "SCORED",
                        BigDecimal.valueOf(4),
                        BigDecimal.valueOf(2),
                        "LOW",
                        true,
                        BigDecimal.valueOf(2),
                        BigDecimal.ZERO,
                        new BigDecimal("0.35"),
                        BigDecimal.ONE);
        assertThat(row(table, "C2.4"))
                .extracting(Cell::value)
                .containsSequence("NOT_APPLICABLE", null, null, null, false);
        assertThat(row(table, "C2.4").get(11).value()).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void evidenceInFrameworkOrderWithTheApisIdsAndValuesAsTyped() {
        Table table = EvidenceTable.of(scored);

        assertThat(table.rows()).extracting(row -> row.get(0).value()).containsExactly("C1.3", "C4.1");
        List<Cell> note = table.rows().get(0);
        assertThat(note.get(1).value())
                .isEqualTo(GlobalId.encode(
                        "Evidence",
                        scored.assessment()
                                .criteria()
                                .find("C1.3")
                                .orElseThrow()
                                .evidence()
                                .get(0)
                                .id()));
        assertThat(note).extracting(Cell::value).endsWith("NOTE", FORMULA, "alice", NOW);
        assertThat(note.get(3).kind()).as("left to the writers to neutralise").isEqualTo(Cell.Kind.TEXT);
    }

    @Test
    void theScoreWithEachDimensionsCapAndEachRedFlagsEffects() {
        Table table = ScoreTable.of(scored, FrameworkV1.VERSION, "+Acme");

        assertThat(table.title()).isEqualTo("Score");
        assertThat(table.header()).isEqualTo(LabelledValues.HEADER);
        assertThat(value(table, "Assessment", "Company")).isEqualTo("+Acme");
        assertThat(value(table, "Assessment", "Stored")).isEqualTo(false);
        assertThat(value(table, "Assessment", "Published at")).isNull();
        assertThat(value(table, "Overall", "Level")).isEqualTo(BigDecimal.ONE);
        assertThat(value(table, "D4 AI governance & risk", "Capped by")).isEqualTo("RF3");
        assertThat((String) value(table, "D4 AI governance & risk", "Cap explanation"))
                .startsWith("a high-risk AI system");
        assertThat(value(table, "D3 Monitoring & drift detection", "Score")).isNull();
        assertThat(value(table, "Red flag RF3", "Effects")).isEqualTo("DIMENSION_CAP D4 1.0; LEVEL_CAP 1");
        assertThat(value(table, "Red flag RF3", "Severity")).isEqualTo("CRITICAL");
        assertThat(value(table, "Red flag RF7 C1.3", "Effects")).isEqualTo("");
    }

    private static ScoredAssessment draft() {
        Assessment assessment = Assessment.start(
                CompanyId.random(),
                FrameworkV1.VERSION,
                new AssessmentContext(true, EuAiActTier.HIGH, Set.of(), null, false),
                "alice",
                "alice",
                NOW);
        assessment = assessment.scoreCriterion("C1.3", scoredAt(4, Confidence.LOW), null, "alice", NOW);
        assessment =
                assessment.addEvidence("C1.3", EvidenceItem.of(EvidenceKind.NOTE, FORMULA, "alice", NOW), "alice", NOW);
        assessment = assessment.scoreCriterion("C4.1", scoredAt(3, Confidence.HIGH), null, "alice", NOW);
        assessment = assessment.addEvidence(
                "C4.1",
                EvidenceItem.of(EvidenceKind.DOCUMENT, "data-room/model-cards.pdf", "alice", NOW),
                "alice",
                NOW);
        assessment = assessment.scoreCriterion(
                "C2.4",
                new CriterionScore(ScoreState.NOT_APPLICABLE, null, null, "Batch scoring only", 0, null),
                null,
                "alice",
                NOW);
        return new ScoredAssessment(assessment, assessment.score(FrameworkV1.VERSION, new ScoringEngine()), false);
    }

    private static CriterionScore scoredAt(int level, Confidence confidence) {
        return new CriterionScore(ScoreState.SCORED, level, confidence, null, 0, null);
    }

    private static List<Cell> row(Table table, String criterion) {
        return table.rows().stream()
                .filter(row -> row.get(1).value().equals(criterion))
                .findFirst()
                .orElseThrow();
    }

    private static Object value(Table table, String section, String measure) {
        return table.rows().stream()
                .filter(row ->
                        row.get(0).value().equals(section) && row.get(1).value().equals(measure))
                .findFirst()
                .orElseThrow()
                .get(2)
                .value();
    }
}
