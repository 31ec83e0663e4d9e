package dev.diligence.domain.portfolio;

import dev.diligence.domain.scoring.ScoreState;
import org.jspecify.annotations.Nullable;

/**
 * One criterion of a company's heatmap row, from the stored result of its latest assessment.
 *
 * @param effectiveLevel the level after the evidence gate; only for scored criteria
 * @param redFlag        a fired red flag names this criterion (RF7 on a gated level)
 */
public record HeatmapCell(
        String criterion, ScoreState state, @Nullable Integer effectiveLevel, boolean gated, boolean redFlag) {}
