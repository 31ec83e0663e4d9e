package dev.diligence.domain.scoring;

import java.util.List;

/** RF1: an AI practice prohibited by the EU AI Act (Art. 5) suppresses the maturity level and flags the deal. */
public final class ProhibitedPracticeRule implements RedFlagRule {

    public static final String ID = "RF1";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<RedFlag> evaluate(ScoringFacts facts) {
        if (facts.context().euAiActTier() != EuAiActTier.PROHIBITED) {
            return List.of();
        }
        return List.of(new RedFlag(
                ID,
                Severity.CRITICAL,
                null,
                "the company uses an AI practice prohibited by the EU AI Act (Art. 5); no maturity level is reported",
                List.of(new RedFlagEffect.LevelSuppression()),
                true));
    }
}
