package dev.diligence.bench.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.bench.DatasetSize;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PortfolioShapeTest {

    @Test
    void theLargeShapeAddsUpToTheSizeWithTheScaleFundOnTheBenchTenantOnly() {
        List<TenantPlan> tenants = PortfolioShape.tenants(DatasetSize.LARGE, 42);

        assertThat(tenants).hasSize(20);
        assertThat(tenants.get(0).key()).isEqualTo("bench-01");
        assertThat(tenants.get(19).name()).isEqualTo("Bench Capital 20");
        assertThat(tenants.get(0).companies()).isEqualTo(1_450);
        assertThat(tenants.stream().mapToInt(TenantPlan::companies).sum()).isEqualTo(10_000);
        assertThat(tenants.stream().mapToInt(TenantPlan::assessments).sum()).isEqualTo(30_000);
        assertThat(tenants.stream().filter(TenantPlan::hasScaleFund).map(TenantPlan::key))
                .containsExactly("bench-01");
    }

    @Test
    void theSameSeedGivesTheSameShape() {
        assertThat(PortfolioShape.tenants(DatasetSize.SMALL, 7))
                .isEqualTo(PortfolioShape.tenants(DatasetSize.SMALL, 7));
    }

    @Test
    void assessmentsPerCompanyVaryWithinBoundsAndAddUpExactly() {
        int[] counts = PortfolioShape.assessmentsPerCompany(1_450, 4_350, new Random(1));

        assertThat(Arrays.stream(counts).sum()).isEqualTo(4_350);
        assertThat(Arrays.stream(counts).boxed().toList())
                .allSatisfy(count ->
                        assertThat(count).isBetween(PortfolioShape.MIN_ASSESSMENTS, PortfolioShape.MAX_ASSESSMENTS));
        assertThat(Arrays.stream(counts).distinct().count()).isEqualTo(3);
    }

    @Test
    void apportioningKeepsTheTotal() {
        assertThat(PortfolioShape.apportion(10, new double[] {1, 1, 1})).containsExactly(4, 3, 3);
    }
}
