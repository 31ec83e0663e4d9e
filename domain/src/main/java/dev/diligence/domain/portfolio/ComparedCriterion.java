package dev.diligence.domain.portfolio;

import dev.diligence.domain.scoring.ScoreState;
import org.jspecify.annotations.Nullable;

/**
 * One criterion of a compared company's stored result.
 *
 * @param effectiveLevel the level after the evidence gate; only for scored criteria
 * @param gap            target minus effective level, at least 0; only for scored criteria
 */
public record ComparedCriterion(
        String criterion,
        ScoreState state,
        @Nullable Integer effectiveLevel,
        @Nullable Integer gap) {}
