package dev.diligence.api.assessment;

import dev.diligence.api.company.CompanyView;
import dev.diligence.api.export.Cell;
import dev.diligence.api.export.LabelledValues;
import dev.diligence.api.export.Table;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.framework.Dimension;
import dev.diligence.domain.framework.FrameworkVersion;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An assessment's score as the "Score" sheet beside its criteria: which assessment, the overall
 * numbers and level, each dimension's score with its cap, and the red flags that fired with their
 * effects; the numbers of the assessment's {@code score} ({@link ScoreView}, the query's own view,
 * so a cap explanation is the one the API gives).
 */
final class ScoreTable {

    static final String TITLE = "Score";

    private ScoreTable() {}

    static Table of(ScoredAssessment scored, FrameworkVersion version, @Nullable String companyName) {
        Assessment assessment = scored.assessment();
        ScoreView score = ScoreView.of(scored.result(), scored.stored());
        LabelledValues values = new LabelledValues();
        String section = "Assessment";
        values.add(
                        section,
                        "ID",
                        Cell.text(GlobalId.encode(
                                AssessmentView.TYPE, assessment.id().value())))
                .add(
                        section,
                        "Company ID",
                        Cell.text(GlobalId.encode(
                                CompanyView.TYPE, assessment.company().value())))
                .add(section, "Company", Cell.text(companyName))
                .add(section, "Status", Cell.text(assessment.status().name()))
                .add(section, "Framework version", Cell.number(score.frameworkVersion()))
                .add(section, "Stored", Cell.bool(score.stored()))
                .add(
                        section,
                        "Published at",
                        Cell.timestamp(
                                assessment.publication() == null
                                        ? null
                                        : assessment.publication().publishedAt()));
        section = "Overall";
        values.add(section, "Score", Cell.number(score.overall()))
                .add(section, "Percentage", Cell.number(score.percentage()))
                .add(section, "Floor", Cell.number(score.floor()))
                .add(section, "Confidence", Cell.number(score.confidence()))
                .add(section, "Coverage", Cell.number(score.coverage()))
                .add(section, "Level", Cell.integer(score.level()))
                .add(section, "Uncapped level", Cell.integer(score.uncappedLevel()))
                .add(section, "Level capped by", Cell.text(score.levelCappedBy()))
                .add(section, "Level suppressed", Cell.bool(score.levelSuppressed()))
                .add(section, "Deal-level red flag", Cell.bool(score.dealLevelRedFlag()));
        for (ScoreView.DimensionView dimension : score.dimensions()) {
            section = version.dimension(dimension.code()).map(ScoreTable::label).orElse(dimension.code());
            values.add(section, "Weight", Cell.number(dimension.weight()))
                    .add(section, "Applicable", Cell.bool(dimension.applicable()))
                    .add(section, "Score", Cell.number(dimension.score()))
                    .add(section, "Uncapped score", Cell.number(dimension.uncappedScore()))
                    .add(section, "Capped by", Cell.text(dimension.cappedBy()))
                    .add(section, "Cap explanation", Cell.text(dimension.capExplanation()))
                    .add(section, "Coverage", Cell.number(dimension.coverage()))
                    .add(section, "Provisional", Cell.bool(dimension.provisional()))
                    .add(section, "Confidence", Cell.number(dimension.confidence()));
        }
        for (RedFlagView flag : score.redFlags()) {
            section = "Red flag " + flag.rule() + (flag.criterion() == null ? "" : " " + flag.criterion());
            values.add(section, "Severity", Cell.text(flag.severity().name()))
                    .add(section, "Explanation", Cell.text(flag.explanation()))
                    .add(section, "Deal level", Cell.bool(flag.dealLevel()))
                    .add(
                            section,
                            "Effects",
                            Cell.text(flag.effects().stream()
                                    .map(ScoreTable::effect)
                                    .collect(Collectors.joining("; "))));
        }
        return values.table(TITLE);
    }

    /** A dimension as a section names it: its code, then its name ({@code D2 Deployment & serving}). */
    private static String label(Dimension dimension) {
        return dimension.code() + " " + dimension.name();
    }

    /** An effect as the API gives its parts: {@code DIMENSION_CAP D2 1.5}, {@code LEVEL_CAP 2}, {@code LEVEL_SUPPRESSION}. */
    private static String effect(RedFlagView.EffectView effect) {
        return effect.kind()
                + (effect.dimension() == null ? "" : " " + effect.dimension())
                + (effect.cap() == null ? "" : " " + effect.cap().toPlainString());
    }
}
