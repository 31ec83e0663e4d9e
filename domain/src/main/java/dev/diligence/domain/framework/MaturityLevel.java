package dev.diligence.domain.framework;

/**
 * The five levels every criterion is scored on. Each level assumes the one below it; a practice done
 * by hand scores lower than the same practice automated.
 */
public enum MaturityLevel {
    ABSENT(0, "Absent"),
    INITIAL(1, "Initial"),
    REPEATABLE(2, "Repeatable"),
    MANAGED(3, "Managed (automated)"),
    OPTIMIZING(4, "Optimizing (closed loop)");

    public static final int LOWEST = 0;
    public static final int HIGHEST = 4;

    private final int number;
    private final String label;

    MaturityLevel(int number, String label) {
        this.number = number;
        this.label = label;
    }

    public int number() {
        return number;
    }

    public String label() {
        return label;
    }

    public static boolean isLevel(int number) {
        return number >= LOWEST && number <= HIGHEST;
    }

    /** The level numbered {@code number}, 0 to 4. */
    public static MaturityLevel of(int number) {
        if (!isLevel(number)) {
            throw new IllegalArgumentException("a maturity level is between 0 and 4, not " + number);
        }
        return values()[number];
    }
}
