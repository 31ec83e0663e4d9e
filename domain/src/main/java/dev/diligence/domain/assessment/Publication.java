package dev.diligence.domain.assessment;

import dev.diligence.domain.scoring.ScoringResult;
import java.time.Instant;
import java.util.Objects;

/**
 * The publication of an assessment. Invariant: {@code result} is the engine's result for the
 * assessment's recorded inputs at {@code publishedAt}, kept with its 10-place decimals and never
 * recomputed, so published scores stay valid whatever changes later.
 */
public record Publication(String publishedBy, Instant publishedAt, ScoringResult result) {

    public Publication {
        Objects.requireNonNull(publishedBy, "publishedBy");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(result, "result");
    }
}
