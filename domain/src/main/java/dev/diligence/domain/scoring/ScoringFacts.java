package dev.diligence.domain.scoring;

import java.util.List;
import java.util.Optional;

/**
 * What red-flag rules judge: the assessment context and every criterion's result in framework order.
 * A criterion the version does not have reads as absent, so a rule about it does not fire.
 */
public record ScoringFacts(AssessmentContext context, List<CriterionResult> criteria) {

    public ScoringFacts {
        criteria = List.copyOf(criteria);
    }

    public Optional<CriterionResult> criterion(String code) {
        return criteria.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** State {@code SCORED} with recorded level 0. */
    public boolean isScoredZero(String code) {
        return criterion(code).map(CriterionResult::isScoredZero).orElse(false);
    }

    public List<CriterionResult> criteriaOf(String dimension) {
        return criteria.stream().filter(c -> c.dimension().equals(dimension)).toList();
    }
}
