package dev.diligence.api.assessment;

import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.scoring.ScoringResult;

/**
 * An assessment with its scoring: the result stored at publication ({@code stored}), or the one
 * computed live from the recorded inputs of a draft or a submitted assessment.
 */
public record ScoredAssessment(Assessment assessment, ScoringResult result, boolean stored) {}
