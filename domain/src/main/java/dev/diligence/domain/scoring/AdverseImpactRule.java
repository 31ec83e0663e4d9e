package dev.diligence.domain.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * RF4: adverse impact under the four-fifths rule (29 CFR 1607.4(D)): a lowest impact ratio below 0.8
 * (exactly 0.8 passes) without documented mitigation. No effect on scores; CRITICAL where decisions
 * concern employment or credit, HIGH otherwise. An unmeasured ratio never fires.
 */
public final class AdverseImpactRule implements RedFlagRule {

    public static final String ID = "RF4";
    public static final BigDecimal FOUR_FIFTHS = new BigDecimal("0.8");
    public static final Set<SensitiveDomain> CRITICAL_DOMAINS =
            Set.of(SensitiveDomain.EMPLOYMENT, SensitiveDomain.CREDIT);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<RedFlag> evaluate(ScoringFacts facts) {
        AssessmentContext context = facts.context();
        BigDecimal ratio = context.lowestImpactRatio();
        if (ratio == null || ratio.compareTo(FOUR_FIFTHS) >= 0 || context.fairnessMitigationDocumented()) {
            return List.of();
        }
        boolean critical = context.sensitiveDomains().stream().anyMatch(CRITICAL_DOMAINS::contains);
        return List.of(RedFlag.of(
                ID,
                critical ? Severity.CRITICAL : Severity.HIGH,
                "the lowest impact ratio " + ratio.toPlainString()
                        + " is below the four-fifths threshold (0.8) and no fairness mitigation is documented"));
    }
}
