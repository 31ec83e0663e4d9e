package dev.diligence.domain.scoring;

import java.util.Set;

/**
 * The target level of a criterion that has no explicit target, derived from the current context so
 * it follows context changes: {@value #STANDARD_TARGET} for every criterion, and
 * {@value #HEIGHTENED_TARGET} for the AI governance criteria C4.1-C4.4 when the EU AI Act tier is
 * {@code HIGH} or {@code PROHIBITED} or any sensitive domain is recorded.
 */
public final class DefaultTargets {

    public static final int STANDARD_TARGET = 2;
    public static final int HEIGHTENED_TARGET = 3;
    public static final Set<String> GOVERNANCE_CRITERIA = Set.of("C4.1", "C4.2", "C4.3", "C4.4");

    private DefaultTargets() {}

    public static int targetFor(String criterionCode, AssessmentContext context) {
        return context.isHighStakes() && GOVERNANCE_CRITERIA.contains(criterionCode)
                ? HEIGHTENED_TARGET
                : STANDARD_TARGET;
    }
}
