package dev.diligence.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.operation.ApiOperation;
import dev.diligence.api.support.ProductSchema;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The rule for heavy operations on the product's schema, with the default root fields and cost threshold. */
class HeavyOperationsTest {

    private static final LimitsProperties.Heavy DEFAULTS = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("diligence.limits", LimitsProperties.class)
            .heavy();

    private final HeavyOperations heavy = new HeavyOperations(DEFAULTS);
    private final QueryCostCalculator costs = new QueryCostCalculator(Map.of());

    /** Generated from the registry: a root field is heavy by name exactly when its operation is declared HEAVY. */
    @Test
    void everyOperationTheRegistryDeclaresHeavyIsHeavyAtAnyCostAndNoOtherIsByItsName() {
        for (ApiOperation operation : ApiOperation.values()) {
            assertThat(heavy.includes(Set.of(operation.field()), 0))
                    .as(operation.field())
                    .isEqualTo(operation.cost() == ApiOperation.Cost.HEAVY);
        }
        assertThat(ApiOperation.heavyRootFields()).contains("portfolio", "portfolioTrend", "compareCompanies");
    }

    @Test
    void thePortfolioComparisonsAreHeavyHoweverLittleTheyAskFor() {
        assertThat(isHeavy("{ portfolio(fundId: \"F\") { cohortSize } }")).isTrue();
        assertThat(isHeavy("""
                { portfolioTrend(fundId: "F", from: "2026-01-01T00:00:00Z", to: "2026-06-30T00:00:00Z", interval: MONTH) { interval } }""")).isTrue();
        assertThat(isHeavy("{ compareCompanies(ids: [\"A\", \"B\"]) { missing } }"))
                .isTrue();
    }

    @Test
    void aHeavyRootFieldCountsUnderAnAliasAndBesideLightOnes() {
        assertThat(isHeavy("{ viewer { subject } summary: portfolio(fundId: \"F\") { cohortSize } }"))
                .isTrue();
    }

    @Test
    void otherOperationsAreLightBelowTheCostThresholdAndHeavyFromIt() {
        assertThat(isHeavy("{ viewer { subject } funds(first: 10) { nodes { name } } }"))
                .isFalse();
        // the fund dashboard of the benchmark (Q1, 50 holdings) is light
        assertThat(isHeavy("""
                { node(id: "F") { ... on Fund { holdings(first: 50) { nodes { company { name latestAssessment { id } } } } } } }""")).isFalse();
        // funds(first: 99) costs 2 + 99 = 101 points: heavy from a threshold of 101, not from 102
        String funds = "{ funds(first: 99) { nodes { name } } }";
        assertThat(requested(funds)).isEqualTo(101);
        assertThat(new HeavyOperations(threshold(101)).includes(ProductSchema.operation(funds), 101))
                .isTrue();
        assertThat(new HeavyOperations(threshold(102)).includes(ProductSchema.operation(funds), 101))
                .isFalse();
        // the heaviest list screen (4,302 points) is heavy by its cost
        assertThat(
                        isHeavy(
                                "{ funds(first: 100) { totalCount nodes { name holdings(first: 20) { totalCount nodes { dealStage company { name } } } } } }"))
                .isTrue();
    }

    @Test
    void theRegistryDeclaresThePortfolioComparisonsHeavyAndTheDefaultsAddNothing() {
        assertThat(ApiOperation.heavyRootFields())
                .containsExactlyInAnyOrder("portfolio", "portfolioTrend", "compareCompanies");
        assertThat(DEFAULTS.rootFields()).isEmpty();
    }

    @Test
    void aConfiguredRootFieldIsHeavyBesideTheRegistrysOwn() {
        HeavyOperations heavy =
                new HeavyOperations(new LimitsProperties.Heavy(2, Duration.ZERO, Set.of("funds"), 2000));

        assertThat(heavy.includes(Set.of("funds"), 3)).isTrue();
        assertThat(heavy.includes(Set.of("portfolio"), 3)).isTrue();
        assertThat(heavy.includes(Set.of("viewer"), 3)).isFalse();
    }

    private static LimitsProperties.Heavy threshold(long minCost) {
        return new LimitsProperties.Heavy(2, Duration.ZERO, Set.of(), minCost);
    }

    private boolean isHeavy(String document) {
        return heavy.includes(ProductSchema.operation(document), requested(document));
    }

    private long requested(String document) {
        return costs.requested(ProductSchema.operation(document), ProductSchema.SCHEMA);
    }
}
