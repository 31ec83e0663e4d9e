package dev.diligence.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.security.Role;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RateBudgetsTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    /** Default 10,000 / 500; integrations 20,000 / 10,000; in firm "acme" integrations 40,000 at the same rate, fund managers 1,000 per second. */
    private final RateBudgets budgets = new RateBudgets(new LimitsProperties.Rate(
            true,
            10_000,
            500,
            SECOND,
            4,
            SECOND,
            Map.of("integration", new LimitsProperties.Budget(20_000L, 10_000L, null)),
            Map.of(
                    "acme",
                    Map.of(
                            "integration", new LimitsProperties.Budget(40_000L, null, null),
                            "fund-manager", new LimitsProperties.Budget(null, 1_000L, null)))));

    @Test
    void aRoleWithoutABudgetOfItsOwnHasTheDefault() {
        assertThat(budgets.of("other", Set.of(Role.TENANT_ADMIN))).isEqualTo(budget(10_000, 500));
        assertThat(budgets.of("", Set.of())).isEqualTo(budget(10_000, 500));
    }

    @Test
    void aFirmsBudgetOverridesTheRolesAndInheritsWhatItLeavesOut() {
        assertThat(budgets.of("other", Set.of(Role.INTEGRATION))).isEqualTo(budget(20_000, 10_000));
        assertThat(budgets.of("acme", Set.of(Role.INTEGRATION))).isEqualTo(budget(40_000, 10_000));
        assertThat(budgets.of("acme", Set.of(Role.FUND_MANAGER))).isEqualTo(budget(10_000, 1_000));
    }

    @Test
    void aCallerWithSeveralRolesGetsTheMostGenerousOfTheirBudgets() {
        assertThat(budgets.of("acme", EnumSet.of(Role.FUND_MANAGER, Role.INTEGRATION)))
                .isEqualTo(budget(40_000, 10_000));
        RateBudgets stingy = new RateBudgets(new LimitsProperties.Rate(
                true,
                10_000,
                500,
                SECOND,
                4,
                SECOND,
                Map.of("integration", new LimitsProperties.Budget(null, 100L, null)),
                Map.of()));
        assertThat(stingy.of("acme", Set.of(Role.INTEGRATION))).isEqualTo(budget(10_000, 100));
        assertThat(stingy.of("acme", EnumSet.of(Role.INTEGRATION, Role.ASSESSOR)))
                .isEqualTo(budget(10_000, 500));
    }

    private static LimitsProperties.Budget budget(long capacity, long restoreRate) {
        return new LimitsProperties.Budget(capacity, restoreRate, SECOND);
    }
}
