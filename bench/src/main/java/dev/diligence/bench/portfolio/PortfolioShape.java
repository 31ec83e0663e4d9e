package dev.diligence.bench.portfolio;

import dev.diligence.bench.DatasetSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * How a dataset is spread over tenants and companies. Pure: the same size and seed give the same shape.
 * Invariants: the tenants' companies add up to {@link DatasetSize#companies()}, their assessments to
 * {@link DatasetSize#assessments()}; only {@code bench-01} has the scale fund.
 */
public final class PortfolioShape {

    /** Fewest and most assessments of one company: every company has at least one published and varies around three. */
    static final int MIN_ASSESSMENTS = 2;

    static final int MAX_ASSESSMENTS = 4;

    private PortfolioShape() {}

    public static List<TenantPlan> tenants(DatasetSize size, long seed) {
        Random random = new Random(seed);
        SeededIds ids = new SeededIds(seed);
        int others = size.tenants() - 1;
        int[] companies = new int[size.tenants()];
        companies[0] = size.benchCompanies();
        if (others > 0) {
            double[] weights = new double[others];
            for (int i = 0; i < others; i++) {
                weights[i] = 0.5 + random.nextDouble();
            }
            int[] spread = apportion(size.companies() - size.benchCompanies(), weights);
            System.arraycopy(spread, 0, companies, 1, others);
        }
        List<TenantPlan> plans = new ArrayList<>();
        for (int i = 0; i < size.tenants(); i++) {
            String number = String.format("%02d", i + 1);
            plans.add(new TenantPlan(
                    i + 1,
                    ids.next(),
                    "bench-" + number,
                    "Bench Capital " + number,
                    companies[i],
                    companies[i] * DatasetSize.ASSESSMENTS_PER_COMPANY,
                    i == 0 ? size.scaleFundHoldings() : 0));
        }
        return plans;
    }

    /** {@code total} split in proportion to {@code weights} by largest remainder: the parts add up to {@code total}. */
    static int[] apportion(int total, double[] weights) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        int[] parts = new int[weights.length];
        double[] remainders = new double[weights.length];
        int assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            parts[i] = (int) Math.floor(exact);
            remainders[i] = exact - parts[i];
            assigned += parts[i];
        }
        for (; assigned < total; assigned++) {
            int largest = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[largest]) {
                    largest = i;
                }
            }
            parts[largest]++;
            remainders[largest] = -1;
        }
        return parts;
    }

    /**
     * The assessments of each of {@code companies} companies: between {@link #MIN_ASSESSMENTS} and
     * {@link #MAX_ASSESSMENTS} each, adding up to {@code total} exactly (which must be reachable).
     */
    public static int[] assessmentsPerCompany(int companies, int total, Random random) {
        if (total < companies * MIN_ASSESSMENTS || total > companies * MAX_ASSESSMENTS) {
            throw new IllegalArgumentException(
                    total + " assessments cannot be spread over " + companies + " companies");
        }
        int[] counts = new int[companies];
        for (int i = 0; i < companies; i++) {
            counts[i] = total / companies + (i < total % companies ? 1 : 0);
        }
        // moving one assessment between two companies keeps the total and adds variety
        for (int move = 0; move < companies; move++) {
            int from = random.nextInt(companies);
            int to = random.nextInt(companies);
            if (counts[from] > MIN_ASSESSMENTS && counts[to] < MAX_ASSESSMENTS && from != to) {
                counts[from]--;
                counts[to]++;
            }
        }
        return counts;
    }
}
