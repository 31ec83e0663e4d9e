package dev.diligence.domain.portfolio;

/** The calendar periods of a portfolio trend, in UTC: a point at the end of each. */
public enum TrendInterval {
    /** Calendar months. */
    MONTH(1),
    /** Calendar quarters: January-March, April-June, July-September, October-December. */
    QUARTER(3);

    private final int months;

    TrendInterval(int months) {
        this.months = months;
    }

    /** The length of one period in months. */
    public int months() {
        return months;
    }
}
