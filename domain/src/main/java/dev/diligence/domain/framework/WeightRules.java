package dev.diligence.domain.framework;

import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules every set of framework weights obeys: each weight is a positive decimal with at most
 * {@value #MAX_DECIMAL_PLACES} decimal places; the dimension weights sum to exactly 1; the criterion
 * weights of each dimension sum to exactly 1. Sums are exact decimals compared with
 * {@code compareTo} (so 1.0000 equals 1), never floating point.
 */
public final class WeightRules {

    public static final int MAX_DECIMAL_PLACES = 4;

    private WeightRules() {}

    /**
     * Every rule the weights of {@code dimensions} break; empty when they are valid. A weight is
     * reported at {@code ["weights", code]}, the dimension sum at {@code ["weights"]} and the criterion
     * sum of a dimension at {@code ["weights", dimensionCode, "criteria"]}.
     */
    public static List<Violation> violations(List<Dimension> dimensions) {
        List<Violation> out = new ArrayList<>();
        for (Dimension dimension : dimensions) {
            checkWeight(dimension.code(), dimension.weight(), out);
            for (Criterion criterion : dimension.criteria()) {
                checkWeight(criterion.code(), criterion.weight(), out);
            }
        }
        BigDecimal dimensionSum = dimensions.stream().map(Dimension::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (dimensionSum.compareTo(BigDecimal.ONE) != 0) {
            out.add(new Violation(
                    List.of("weights"),
                    ViolationCode.INVALID,
                    "the dimension weights sum to " + dimensionSum.toPlainString() + "; they must sum to exactly 1"));
        }
        for (Dimension dimension : dimensions) {
            BigDecimal criterionSum =
                    dimension.criteria().stream().map(Criterion::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (criterionSum.compareTo(BigDecimal.ONE) != 0) {
                out.add(new Violation(
                        List.of("weights", dimension.code(), "criteria"),
                        ViolationCode.INVALID,
                        "the criterion weights of " + dimension.code() + " sum to " + criterionSum.toPlainString()
                                + "; they must sum to exactly 1"));
            }
        }
        return out;
    }

    private static void checkWeight(String code, BigDecimal weight, List<Violation> out) {
        List<String> field = List.of("weights", code);
        if (weight.signum() <= 0) {
            out.add(new Violation(field, ViolationCode.OUT_OF_RANGE, "the weight of " + code + " must be positive"));
        } else if (weight.stripTrailingZeros().scale() > MAX_DECIMAL_PLACES) {
            out.add(new Violation(
                    field,
                    ViolationCode.INVALID,
                    "the weight of " + code + " must have at most " + MAX_DECIMAL_PLACES + " decimal places"));
        }
    }
}
