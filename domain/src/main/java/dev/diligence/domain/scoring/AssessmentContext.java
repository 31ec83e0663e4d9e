package dev.diligence.domain.scoring;

import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Facts about the company recorded per assessment; they drive the red-flag rules and the default
 * targets. Defaults ({@link #DEFAULT}): no models in production, tier {@code UNCLASSIFIED}, no
 * sensitive domain, no impact ratio, no fairness mitigation documented.
 *
 * @param lowestImpactRatio the lowest selection-rate ratio between groups (four-fifths rule), 0 to 1;
 *                          absent when not measured
 */
public record AssessmentContext(
        boolean modelsInProduction,
        EuAiActTier euAiActTier,
        Set<SensitiveDomain> sensitiveDomains,
        @Nullable BigDecimal lowestImpactRatio,
        boolean fairnessMitigationDocumented) {

    public static final AssessmentContext DEFAULT =
            new AssessmentContext(false, EuAiActTier.UNCLASSIFIED, Set.of(), null, false);

    public AssessmentContext {
        Objects.requireNonNull(euAiActTier, "euAiActTier");
        sensitiveDomains = Set.copyOf(sensitiveDomains);
    }

    public AssessmentContext withModelsInProduction(boolean value) {
        return new AssessmentContext(
                value, euAiActTier, sensitiveDomains, lowestImpactRatio, fairnessMitigationDocumented);
    }

    public AssessmentContext withEuAiActTier(EuAiActTier value) {
        return new AssessmentContext(
                modelsInProduction, value, sensitiveDomains, lowestImpactRatio, fairnessMitigationDocumented);
    }

    public AssessmentContext withSensitiveDomains(Set<SensitiveDomain> value) {
        return new AssessmentContext(
                modelsInProduction, euAiActTier, value, lowestImpactRatio, fairnessMitigationDocumented);
    }

    public AssessmentContext withLowestImpactRatio(@Nullable BigDecimal value) {
        return new AssessmentContext(
                modelsInProduction, euAiActTier, sensitiveDomains, value, fairnessMitigationDocumented);
    }

    public AssessmentContext withFairnessMitigationDocumented(boolean value) {
        return new AssessmentContext(modelsInProduction, euAiActTier, sensitiveDomains, lowestImpactRatio, value);
    }

    /** True when the tier or the domains make AI governance a heightened concern (targets of C4.x rise to 3). */
    public boolean isHighStakes() {
        return euAiActTier == EuAiActTier.HIGH || euAiActTier == EuAiActTier.PROHIBITED || !sensitiveDomains.isEmpty();
    }

    /** Every rule this context breaks, reported under {@code ["context", attribute]}. */
    public List<Violation> violations() {
        List<Violation> out = new ArrayList<>();
        if (lowestImpactRatio != null
                && (lowestImpactRatio.signum() < 0 || lowestImpactRatio.compareTo(BigDecimal.ONE) > 0)) {
            out.add(new Violation(
                    List.of("context", "lowestImpactRatio"),
                    ViolationCode.OUT_OF_RANGE,
                    "lowestImpactRatio must be between 0 and 1"));
        }
        return out;
    }
}
