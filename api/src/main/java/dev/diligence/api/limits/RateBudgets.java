package dev.diligence.api.limits;

import dev.diligence.api.security.Role;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rate-limit budget of a caller, from its firm and roles ({@link LimitsProperties.Rate}): each
 * role has the budget of the firm's {@code tenants} entry, else of {@code roles}, else the default,
 * each inheriting what it leaves out from the next; a caller gets the most generous budget of its
 * roles (the highest restore rate, then the largest capacity), so a role given less than the default
 * holds back only callers without another role. Every budget this returns is complete.
 */
final class RateBudgets {

    private static final Comparator<LimitsProperties.Budget> GENEROSITY = Comparator.comparingDouble(
                    LimitsProperties.Budget::restoredPerSecond)
            .thenComparingLong(LimitsProperties.Budget::capacity);

    private final LimitsProperties.Budget defaults;
    private final Map<Role, LimitsProperties.Budget> byRole = new EnumMap<>(Role.class);
    private final Map<String, Map<Role, LimitsProperties.Budget>> byTenant = new HashMap<>();

    RateBudgets(LimitsProperties.Rate rate) {
        this.defaults = rate.defaultBudget();
        rate.roles().forEach((role, budget) -> byRole.put(role(role), budget.over(defaults)));
        rate.tenants().forEach((tenant, budgets) -> {
            Map<Role, LimitsProperties.Budget> ofTenant = new EnumMap<>(Role.class);
            budgets.forEach(
                    (role, budget) -> ofTenant.put(role(role), budget.over(byRole.getOrDefault(role(role), defaults))));
            byTenant.put(tenant, ofTenant);
        });
    }

    /** Longest an unused caller's state is kept: a year at most. */
    private static final Duration LONGEST_IDLE = Duration.ofDays(365);

    /**
     * How long an unused bucket of any of these budgets takes to fill from empty, rounded up to whole
     * seconds plus one, and at most a year: after that long unused, every bucket is full again, so a
     * caller's state can be forgotten and made anew, full, without the caller gaining anything.
     */
    Duration untilEveryBucketIsFull() {
        double secondsToFill =
                all().mapToDouble(LimitsProperties.Budget::secondsToFill).max().orElseThrow();
        return secondsToFill >= LONGEST_IDLE.toSeconds()
                ? LONGEST_IDLE
                : Duration.ofSeconds((long) Math.ceil(secondsToFill) + 1);
    }

    /** The budget of a caller of the firm {@code tenantKey} ("" for none) holding {@code roles}. */
    LimitsProperties.Budget of(String tenantKey, Set<Role> roles) {
        Map<Role, LimitsProperties.Budget> ofTenant = byTenant.getOrDefault(tenantKey, Map.of());
        return roles.stream()
                .map(role -> ofTenant.getOrDefault(role, byRole.getOrDefault(role, defaults)))
                .max(GENEROSITY)
                .orElse(defaults);
    }

    /** Every budget a caller can get. */
    Stream<LimitsProperties.Budget> all() {
        return Stream.concat(
                Stream.concat(Stream.of(defaults), byRole.values().stream()),
                byTenant.values().stream().flatMap(budgets -> budgets.values().stream()));
    }

    /** The smallest capacity of any budget of {@code rate}: it must admit the costliest request. */
    static long smallestCapacity(LimitsProperties.Rate rate) {
        return new RateBudgets(rate)
                .all()
                .mapToLong(LimitsProperties.Budget::capacity)
                .min()
                .orElseThrow();
    }

    private static Role role(String claimName) {
        return Role.fromClaimName(claimName).orElseThrow();
    }
}
