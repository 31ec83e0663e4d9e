package dev.diligence.bench;

import java.util.Locale;

/**
 * The shapes of the benchmark datasets. Every tenant gets three assessments per company on average, so
 * {@code assessments = 3 × companies} exactly; the bench tenant ({@code bench-01}) has the scale fund.
 *
 * @param tenants           tenants {@code bench-01} .. {@code bench-NN}
 * @param companies         companies over all tenants
 * @param benchCompanies    the companies of {@code bench-01}, the rest spread over the other tenants
 * @param scaleFundHoldings companies the bench tenant's "Bench Scale Fund" holds
 */
public enum DatasetSize {
    SMALL(2, 1_000, 600, 100),
    LARGE(20, 10_000, 1_450, 1_000);

    public static final int ASSESSMENTS_PER_COMPANY = 3;

    private final int tenants;
    private final int companies;
    private final int benchCompanies;
    private final int scaleFundHoldings;

    DatasetSize(int tenants, int companies, int benchCompanies, int scaleFundHoldings) {
        this.tenants = tenants;
        this.companies = companies;
        this.benchCompanies = benchCompanies;
        this.scaleFundHoldings = scaleFundHoldings;
    }

    public static DatasetSize of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public int tenants() {
        return tenants;
    }

    public int companies() {
        return companies;
    }

    public int benchCompanies() {
        return benchCompanies;
    }

    public int scaleFundHoldings() {
        return scaleFundHoldings;
    }

    public int assessments() {
        return companies * ASSESSMENTS_PER_COMPANY;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
