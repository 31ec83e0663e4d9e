package dev.diligence.bench.portfolio;

import java.util.UUID;

/**
 * What one tenant of a dataset gets.
 *
 * @param index             1-based; the key is {@code bench-<index, two digits>}
 * @param scaleFundHoldings companies held by the tenant's "Bench Scale Fund"; 0 when it has none
 */
public record TenantPlan(
        int index, UUID id, String key, String name, int companies, int assessments, int scaleFundHoldings) {

    public boolean hasScaleFund() {
        return scaleFundHoldings > 0;
    }
}
