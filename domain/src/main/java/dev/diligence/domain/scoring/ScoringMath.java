package dev.diligence.domain.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic of scoring, the same on every code path: decimals, never floating point. Products
 * and sums are exact; every division is rounded to {@value #SCALE} decimal places, half even;
 * {@code ⌊x⌋} is taken of that rounded value; every reported number keeps {@value #SCALE} places.
 */
public final class ScoringMath {

    public static final int SCALE = 10;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    private ScoringMath() {}

    /** {@code dividend / divisor} rounded to 10 places, half even. */
    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, SCALE, ROUNDING);
    }

    /** ⌊value⌋ of a (10-place) value. */
    public static int floor(BigDecimal value) {
        return value.setScale(0, RoundingMode.FLOOR).intValueExact();
    }

    /**
     * {@code value} with exactly 10 places, unchanged in value.
     *
     * @throws ArithmeticException when {@code value} has more than 10 significant places: such a
     *         value must come from {@link #divide}, never be cut silently
     */
    public static BigDecimal exact(BigDecimal value) {
        return value.setScale(SCALE);
    }

    public static BigDecimal exact(int value) {
        return exact(BigDecimal.valueOf(value));
    }
}
