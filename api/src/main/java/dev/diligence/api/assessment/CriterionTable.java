package dev.diligence.api.assessment;

import dev.diligence.api.export.Cell;
import dev.diligence.api.export.Table;
import dev.diligence.domain.framework.Criterion;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.scoring.CriterionResult;
import java.util.List;

/**
 * An assessment's criteria as an exported table: one row per criterion of its framework version, in
 * framework order, with the scoring the assessment's {@code score.criteria} gives (levels, gate,
 * target, gap, weight), the criterion's name and how much evidence backs it. The columns and the
 * cells of a row are written here together, so they cannot drift apart.
 */
final class CriterionTable {

    static final String TITLE = "Criteria";

    static final List<String> HEADER = List.of(
            "Dimension",
            "Criterion",
            "Name",
            "State",
            "Recorded level",
            "Effective level",
            "Confidence",
            "Gated",
            "Target",
            "Gap",
            "Weight",
            "Evidence");

    private CriterionTable() {}

    static Table of(ScoredAssessment scored, FrameworkVersion version) {
        return new Table(
                TITLE,
                HEADER,
                scored.result().criteria().stream()
                        .map(criterion -> row(criterion, scored, version))
                        .toList());
    }

    private static List<Cell> row(CriterionResult criterion, ScoredAssessment scored, FrameworkVersion version) {
        return List.of(
                Cell.text(criterion.dimension()),
                Cell.text(criterion.code()),
                Cell.text(
                        version.criterion(criterion.code()).map(Criterion::name).orElse(null)),
                Cell.text(criterion.state().name()),
                Cell.integer(criterion.recordedLevel()),
                Cell.integer(criterion.effectiveLevel()),
                Cell.text(
                        criterion.confidence() == null
                                ? null
                                : criterion.confidence().name()),
                Cell.bool(criterion.gated()),
                Cell.number(criterion.target()),
                Cell.integer(criterion.gap()),
                Cell.number(criterion.weight()),
                Cell.integer(scored.assessment()
                        .criteria()
                        .find(criterion.code())
                        .map(recorded -> recorded.evidence().size())
                        .orElse(0)));
    }
}
