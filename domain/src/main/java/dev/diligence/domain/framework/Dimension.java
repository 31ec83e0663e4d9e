package dev.diligence.domain.framework;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An area of maturity scored from its criteria. Invariants: at least one criterion; criterion codes
 * are unique and belong to this dimension (C2.x in D2); criteria keep their framework order.
 *
 * @param weight the dimension's share of the overall score (dimension weights sum to 1)
 */
public record Dimension(String code, String name, BigDecimal weight, List<Criterion> criteria) {

    private static final Pattern CODE = Pattern.compile("D[1-9][0-9]*");

    public Dimension {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a dimension code looks like D2, not " + code);
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("dimension " + code + " needs a name");
        }
        Objects.requireNonNull(weight, "weight");
        criteria = List.copyOf(criteria);
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("dimension " + code + " needs at least one criterion");
        }
        var codes = new HashSet<String>();
        for (Criterion criterion : criteria) {
            if (!criterion.dimensionCode().equals(code)) {
                throw new IllegalArgumentException("criterion " + criterion.code() + " does not belong to " + code);
            }
            if (!codes.add(criterion.code())) {
                throw new IllegalArgumentException("criterion " + criterion.code() + " appears twice");
            }
        }
    }

    public Optional<Criterion> criterion(String criterionCode) {
        return criteria.stream().filter(c -> c.code().equals(criterionCode)).findFirst();
    }

    /** This dimension with the weights in {@code weights} (keyed by code) replacing its own and its criteria's. */
    Dimension withWeights(Map<String, BigDecimal> weights) {
        List<Criterion> reweighted = criteria.stream()
                .map(c -> c.withWeight(weights.getOrDefault(c.code(), c.weight())))
                .toList();
        return new Dimension(code, name, weights.getOrDefault(code, weight), reweighted);
    }
}
