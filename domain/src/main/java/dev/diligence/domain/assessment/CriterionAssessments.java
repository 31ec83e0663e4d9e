package dev.diligence.domain.assessment;

import dev.diligence.domain.framework.Criterion;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.scoring.ScoreState;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The criterion records of one assessment, keyed by criterion code in framework order. Invariant:
 * exactly the criteria of the assessment's framework version, each once (checked against the version
 * by {@link #coversExactly}; built that way by {@link #unassessed} and {@link #copiedFrom}).
 */
public record CriterionAssessments(Map<String, CriterionAssessment> byCode) {

    public CriterionAssessments {
        byCode.forEach((code, criterion) -> {
            if (!code.equals(criterion.code())) {
                throw new IllegalArgumentException("criterion " + criterion.code() + " is keyed as " + code);
            }
        });
        byCode = Collections.unmodifiableMap(new LinkedHashMap<>(byCode));
    }

    /** Every criterion of {@code version}, not assessed yet. */
    public static CriterionAssessments unassessed(FrameworkVersion version) {
        Map<String, CriterionAssessment> map = new LinkedHashMap<>();
        version.criteria().forEach(c -> map.put(c.code(), CriterionAssessment.unassessed(c.code())));
        return new CriterionAssessments(map);
    }

    /**
     * Every criterion of {@code version}, copied from {@code previous} where it has the same code
     * (score, rationale and evidence, with the evidence's original author and time) and not assessed otherwise.
     */
    public static CriterionAssessments copiedFrom(CriterionAssessments previous, FrameworkVersion version) {
        Map<String, CriterionAssessment> map = new LinkedHashMap<>();
        for (Criterion criterion : version.criteria()) {
            map.put(
                    criterion.code(),
                    previous.find(criterion.code()).orElseGet(() -> CriterionAssessment.unassessed(criterion.code())));
        }
        return new CriterionAssessments(map);
    }

    public Optional<CriterionAssessment> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Collection<CriterionAssessment> all() {
        return byCode.values();
    }

    /** True when these are exactly the criteria of {@code version}, in its order. */
    public boolean coversExactly(FrameworkVersion version) {
        return byCode.keySet().stream()
                .toList()
                .equals(version.criteria().stream().map(Criterion::code).toList());
    }

    /** The scores as the engine reads them, evidence counts included. */
    public Map<String, CriterionScore> scores() {
        Map<String, CriterionScore> scores = new LinkedHashMap<>();
        byCode.forEach((code, criterion) -> scores.put(code, criterion.score()));
        return scores;
    }

    public boolean anyScored() {
        return byCode.values().stream().anyMatch(c -> c.score().state() == ScoreState.SCORED);
    }

    /** These records with {@code code}'s changed; {@code code} must exist. */
    CriterionAssessments with(String code, UnaryOperator<CriterionAssessment> change) {
        Map<String, CriterionAssessment> map = new LinkedHashMap<>(byCode);
        map.put(code, change.apply(byCode.get(code)));
        return new CriterionAssessments(map);
    }
}
