package dev.diligence.domain.scoring;

import java.util.List;

/**
 * RF7: one LOW flag per criterion held back by the {@link EvidenceGate} (level 3 or 4 recorded on low
 * confidence or without evidence). Its only effect is the gate itself, already applied in step 1.
 */
public final class GatedLevelRule implements RedFlagRule {

    public static final String ID = "RF7";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<RedFlag> evaluate(ScoringFacts facts) {
        return facts.criteria().stream()
                .filter(CriterionResult::gated)
                .map(c -> new RedFlag(
                        ID,
                        Severity.LOW,
                        c.code(),
                        c.code() + " was recorded at level " + c.recordedLevel() + " without enough evidence "
                                + "(low confidence or no evidence item); it counts as level "
                                + EvidenceGate.GATED_LEVEL,
                        List.of(),
                        false))
                .toList();
    }
}
