package dev.diligence.domain.framework;

import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.tenant.TenantId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One version of the maturity framework, immutable once published: scores stay valid under the
 * version that produced them. Invariants: dimension and criterion codes are unique; the weights obey
 * {@link WeightRules}; a platform version has no {@code derivation}, a tenant's version names the
 * platform version it changed the weights of.
 *
 * @param dimensions in framework order (D1, D2, ...), each with its criteria in order
 */
public record FrameworkVersion(
        int number,
        @Nullable TenantDerivation derivation,
        RedFlagRuleSetId redFlagRuleSet,
        List<Dimension> dimensions) {

    /**
     * @throws RuleViolationException when the weights break {@link WeightRules}
     * @throws IllegalArgumentException when the structure is malformed (no dimensions, duplicate codes)
     */
    public FrameworkVersion {
        if (number < 1) {
            throw new IllegalArgumentException("a framework version number is positive");
        }
        Objects.requireNonNull(redFlagRuleSet, "redFlagRuleSet");
        dimensions = List.copyOf(dimensions);
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("a framework version has at least one dimension");
        }
        requireUniqueCodes(dimensions);
        RuleViolationException.throwIfAny(WeightRules.violations(dimensions));
    }

    /** A platform version: the same for every tenant. */
    public static FrameworkVersion platform(int number, RedFlagRuleSetId redFlagRuleSet, List<Dimension> dimensions) {
        return new FrameworkVersion(number, null, redFlagRuleSet, dimensions);
    }

    public boolean isDerived() {
        return derivation != null;
    }

    /** The platform version this one's criteria, descriptors and rules come from (its own number for a platform version). */
    public int baseVersion() {
        return derivation == null ? number : derivation.baseVersion();
    }

    public Optional<Dimension> dimension(String code) {
        return dimensions.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public Optional<Criterion> criterion(String code) {
        return dimensions.stream().flatMap(d -> d.criterion(code).stream()).findFirst();
    }

    /** The dimension that holds criterion {@code criterionCode}. */
    public Optional<Dimension> dimensionOf(String criterionCode) {
        return dimensions.stream()
                .filter(d -> d.criterion(criterionCode).isPresent())
                .findFirst();
    }

    /** Every criterion, in framework order. */
    public List<Criterion> criteria() {
        return dimensions.stream().flatMap(d -> d.criteria().stream()).toList();
    }

    /** Every weight by code, dimensions and criteria, in framework order. */
    public Map<String, BigDecimal> weights() {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        for (Dimension dimension : dimensions) {
            weights.put(dimension.code(), dimension.weight());
            dimension.criteria().forEach(c -> weights.put(c.code(), c.weight()));
        }
        return weights;
    }

    /**
     * A tenant's own version of this platform version with some weights changed; codes not in
     * {@code newWeights} keep this version's weight. Criteria, descriptors, references and red-flag
     * rules are this version's. Rejected when this version is itself derived, a code is unknown or the
     * resulting weights break {@link WeightRules} (violations at {@code ["weights", code]}).
     */
    public WeightDerivation deriveWeights(int newNumber, TenantId tenant, Map<String, BigDecimal> newWeights) {
        if (isDerived()) {
            return new WeightDerivation.Rejected(List.of(Violation.general(
                    ViolationCode.INVALID_STATE,
                    "only a platform version can be derived; version " + number + " is a tenant's own")));
        }
        List<Violation> violations = new ArrayList<>();
        Map<String, BigDecimal> known = weights();
        newWeights.keySet().stream()
                .filter(code -> !known.containsKey(code))
                .sorted()
                .forEach(code -> violations.add(new Violation(
                        List.of("weights", code),
                        ViolationCode.NOT_FOUND,
                        "version " + number + " has no dimension or criterion " + code)));
        List<Dimension> reweighted =
                dimensions.stream().map(d -> d.withWeights(newWeights)).toList();
        violations.addAll(WeightRules.violations(reweighted));
        if (!violations.isEmpty()) {
            return new WeightDerivation.Rejected(violations);
        }
        return new WeightDerivation.Derived(
                new FrameworkVersion(newNumber, new TenantDerivation(tenant, number), redFlagRuleSet, reweighted));
    }

    private static void requireUniqueCodes(List<Dimension> dimensions) {
        var codes = new HashSet<String>();
        for (Dimension dimension : dimensions) {
            if (!codes.add(dimension.code())) {
                throw new IllegalArgumentException("dimension " + dimension.code() + " appears twice");
            }
            for (Criterion criterion : dimension.criteria()) {
                if (!codes.add(criterion.code())) {
                    throw new IllegalArgumentException("criterion " + criterion.code() + " appears twice");
                }
            }
        }
    }
}
