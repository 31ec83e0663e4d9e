package dev.diligence.domain.framework;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One scored practice of a dimension. Its weight is its share of the dimension (the criteria weights
 * of a dimension sum to 1, see {@link WeightRules}); the references are the product's mapping of the
 * criterion into external frameworks.
 *
 * @param code "C" + dimension number + "." + position, e.g. {@code C2.3}
 */
public record Criterion(
        String code, String name, BigDecimal weight, LevelDescriptors descriptors, List<StandardReference> references) {

    private static final Pattern CODE = Pattern.compile("C[1-9][0-9]*\\.[1-9][0-9]*");

    public Criterion {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a criterion code looks like C2.3, not " + code);
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("criterion " + code + " needs a name");
        }
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(descriptors, "descriptors");
        references = List.copyOf(references);
    }

    /** This criterion with another weight; everything else is kept. */
    public Criterion withWeight(BigDecimal newWeight) {
        return new Criterion(code, name, newWeight, descriptors, references);
    }

    /** The code's dimension part: "D2" for "C2.3". */
    String dimensionCode() {
        return "D" + code.substring(1, code.indexOf('.'));
    }
}
