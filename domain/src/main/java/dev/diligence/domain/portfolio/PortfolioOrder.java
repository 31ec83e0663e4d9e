package dev.diligence.domain.portfolio;

import dev.diligence.domain.shared.paging.Cursor;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How the companies of a portfolio are ordered. Total: ties are broken by company id in the same
 * direction. A missing score sorts as the lowest value. {@code dimension} names the dimension for
 * {@link Key#DIMENSION} only.
 */
public record PortfolioOrder(Key key, @Nullable String dimension, boolean ascending) {

    public enum Key {
        OVERALL,
        DIMENSION,
        NAME,
        LEVEL
    }

    private static final Pattern DIMENSION_CODE = Pattern.compile("D[1-9][0-9]*");

    public PortfolioOrder {
        if ((key == Key.DIMENSION) != (dimension != null)) {
            throw new IllegalArgumentException("a dimension is named exactly when ordering by a dimension");
        }
        if (dimension != null && !DIMENSION_CODE.matcher(dimension).matches()) {
            throw new IllegalArgumentException("not a dimension code: " + dimension);
        }
    }

    /** Highest overall score first: the default. */
    public static final PortfolioOrder DEFAULT = new PortfolioOrder(Key.OVERALL, null, false);

    /** The ordering's name, stated in its cursors: e.g. {@code OVERALL_DESC} or {@code DIMENSION_D2_ASC}. */
    public String name() {
        return key + (dimension == null ? "" : "_" + dimension) + (ascending ? "_ASC" : "_DESC");
    }

    /** The keyset position of a row in this ordering. */
    public Cursor cursorOf(PortfolioRow row) {
        String value = switch (key) {
            case OVERALL -> plain(row.overall());
            case DIMENSION -> plain(row.dimensionScores().get(dimension));
            case NAME -> row.companyName();
            case LEVEL -> row.level() == null ? "-1" : row.level().toString();
        };
        return new Cursor(name(), value, row.company().value());
    }

    /** A missing score is the lowest value, -1. */
    private static String plain(java.math.@Nullable BigDecimal score) {
        return score == null ? "-1" : score.toPlainString();
    }
}
