package dev.diligence.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ProductSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryCostCalculatorTest {

    private static final String FUNDS_WITH_HOLDINGS = """
            query($funds: Int, $holdings: Int) {
              funds(first: $funds) { nodes { name holdings(first: $holdings) { nodes { company { name } } } } }
            }""";

    private final QueryCostCalculator calculator = new QueryCostCalculator(Map.of());

    @Test
    void scalarsAreFreeAndObjectsCostOne() {
        assertThat(requested("{ viewer { subject name roles tenant { key name } } }"))
                .isEqualTo(2);
    }

    @Test
    void aConnectionCostsTwoPlusFirstTimesItsNode() {
        assertThat(requested("{ funds(first: 10) { totalCount nodes { name } } }"))
                .isEqualTo(2 + 10);
    }

    @Test
    void lastCountsLikeFirstAndEdgesCountTheirNodes() {
        assertThat(requested("{ funds(last: 5) { edges { cursor node { name } } pageInfo { hasNextPage } } }"))
                .isEqualTo(2 + 5 * (1 + 1) + 1);
    }

    @Test
    void aConnectionWithoutFirstOrLastCountsTheDefaultPageOfTwenty() {
        assertThat(requested("{ funds { nodes { name } } }")).isEqualTo(2 + 20);
    }

    @Test
    void pageSizesCountAtMostOneHundredAndAtLeastZero() {
        assertThat(requested("{ funds(first: 100000) { nodes { name } } }")).isEqualTo(2 + 100);
        assertThat(requested("{ funds(first: -5) { nodes { name } } }")).isEqualTo(2);
    }

    @Test
    void nestedConnectionsMultiply() {
        assertThat(requested(FUNDS_WITH_HOLDINGS, Map.of("funds", 100, "holdings", 20)))
                .isEqualTo(2 + 100 * (1 + 2 + 20 * (1 + 1)));
        assertThat(requested(FUNDS_WITH_HOLDINGS, Map.of("funds", 100, "holdings", 100)))
                .isEqualTo(2 + 100 * (1 + 2 + 100 * (1 + 1)));
    }

    @Test
    void variablesAndLiteralsCostTheSame() {
        assertThat(requested(FUNDS_WITH_HOLDINGS, Map.of("funds", 7, "holdings", 3)))
                .isEqualTo(requested(
                        "{ funds(first: 7) { nodes { name holdings(first: 3) { nodes { company { name } } } } } }"));
    }

    @Test
    void fragmentsCostWhatTheirFieldsCost() {
        String withFragments = """
                query { funds(first: 10) { ...page } }
                fragment page on FundConnection { nodes { ...fund } }
                fragment fund on Fund { name holdings(first: 3) { nodes { ... on Holding { company { name } } } } }""";
        assertThat(requested(withFragments))
                .isEqualTo(requested(
                        "{ funds(first: 10) { nodes { name holdings(first: 3) { nodes { company { name } } } } } }"));
    }

    @Test
    void everyAliasCostsOnItsOwn() {
        assertThat(requested("{ a: funds(first: 10) { nodes { name } } b: funds(first: 10) { nodes { name } } }"))
                .isEqualTo(2 * (2 + 10));
        assertThat(requested("{ funds(first: 10) { nodes { name } } again: funds(first: 10) { nodes { name } } }"))
                .isEqualTo(2 * (2 + 10));
    }

    @Test
    void aRepeatedFieldCostsOnce() {
        assertThat(requested("{ funds(first: 10) { nodes { name } } funds(first: 10) { nodes { vintageYear } } }"))
                .isEqualTo(2 + 10);
    }

    @Test
    void plainListsCountTheDefaultPageSizeUnlessTheirSizeIsConfigured() {
        String document = "{ companies(first: 10) { nodes { externalReferences { source } } } }";
        assertThat(requested(document)).isEqualTo(2 + 10 * (1 + 20));
        assertThat(new QueryCostCalculator(Map.of("Company.externalReferences", 3))
                        .requested(ProductSchema.operation(document), ProductSchema.SCHEMA))
                .isEqualTo(2 + 10 * (1 + 3));
    }

    @Test
    void thePagedListsCostTheirPageSizesLikeEveryConnection() {
        assertThat(
                        requested(
                                "{ companies(first: 10) { nodes { assessmentHistory(first: 5) { totalCount nodes { id } } } } }"))
                .isEqualTo(2 + 10 * (1 + 2 + 5));
        assertThat(
                        requested(
                                "{ companies(first: 10) { nodes { assessmentHistory(last: 100) { edges { cursor node { id } } } } } }"))
                .isEqualTo(2 + 10 * (1 + 2 + 100 * (1 + 1)));
        assertThat(requested("{ firms { totalCount nodes { key } } }")).isEqualTo(2 + 20);
        assertThat(requested("{ firms(first: 1000) { nodes { key } } }")).isEqualTo(2 + 100);
        assertThat(requested("""
                { portfolio(fundId: "x") { unassessed(first: 50) { totalCount nodes { name } }
                  otherVersions { frameworkVersion companyPage(last: 10) { nodes { name } } } } }""")).isEqualTo(1 + (2 + 50) + 20 * (1 + 2 + 10));
        assertThat(
                        requested(
                                "{ portfolio(fundId: \"x\") { companies(first: 3) { totalCount } remediation(last: 4) { totalCount } } }"))
                .as("a connection asked only for its count still costs its page")
                .isEqualTo(1 + 2 + 2);
    }

    @Test
    void theDeprecatedPlainListsCostTheirDeclaredSizeOrTwentyWhateverTheyHold() {
        assertThat(requested("{ tenants { key } }")).isEqualTo(20);
        assertThat(
                        requested(
                                "{ portfolio(fundId: \"x\") { unassessedCompanies { name } otherVersions { companies { name } } } }"))
                .isEqualTo(1 + 20 + 20 * (1 + 20));
        assertThat(new QueryCostCalculator(Map.of("Company.assessments", 5))
                        .requested(
                                ProductSchema.operation("{ companies(first: 10) { nodes { assessments { id } } } }"),
                                ProductSchema.SCHEMA))
                .isEqualTo(2 + 10 * (1 + 5));
    }

    @Test
    void anInterfaceCostsItsCostliestType() {
        assertThat(requested("""
                { node(id: "x") { id ... on Company { name } ... on Fund { holdings(first: 10) { nodes { id } } } } }""")).isEqualTo(1 + 2 + 10);
    }

    @Test
    void aMutationCostsTenPlusOnePerInputListElementPlusItsSelection() {
        assertThat(requested("""
                mutation { createCompany(input: {name: "C", sector: OTHER, headquartersCountry: "DE", stage: SEED,
                  externalReferences: [{source: "a", externalId: "1"}, {source: "b", externalId: "2"}]}) {
                  company { id } userErrors { code } } }""")).isEqualTo(10 + 2 + 1 + 20);
        assertThat(requested(
                        "mutation($input: CreateFundInput!) { createFund(input: $input) { fund { id } } }",
                        Map.of(
                                "input",
                                Map.of("name", "F", "vintageYear", 2020, "strategy", "BUYOUT", "currency", "EUR"))))
                .isEqualTo(10 + 1);
    }

    @Test
    void introspectionIsFree() {
        assertThat(requested(
                        "{ __typename __schema { types { name fields { name type { name ofType { name } } } } } }"))
                .isZero();
    }

    @Test
    void theActualCostCountsWhatTheResponseHolds() {
        Map<String, Object> data = Map.of(
                "funds",
                Map.of(
                        "nodes",
                        List.of(
                                Map.of(
                                        "name",
                                        "A",
                                        "holdings",
                                        Map.of("nodes", List.of(company("X"), company("Y"), company("Z")))),
                                Map.of("name", "B", "holdings", Map.of("nodes", List.of())))));
        assertThat(calculator.actual(
                        ProductSchema.operation(FUNDS_WITH_HOLDINGS, Map.of("funds", 100, "holdings", 20)),
                        ProductSchema.SCHEMA,
                        data))
                .isEqualTo(2 + (1 + 2 + 3 * (1 + 1)) + (1 + 2));
    }

    @Test
    void theActualCostOfNothingIsZeroButAMutationIsNeverFree() {
        assertThat(calculator.actual(
                        ProductSchema.operation(FUNDS_WITH_HOLDINGS, Map.of()), ProductSchema.SCHEMA, null))
                .isZero();
        assertThat(calculator.actual(
                        ProductSchema.operation("mutation { archiveFund(input: {id: \"x\"}) { fund { id } } }"),
                        ProductSchema.SCHEMA,
                        Map.of("archiveFund", Map.of())))
                .isEqualTo(10);
    }

    @Test
    void costsSaturateInsteadOfOverflowing() {
        StringBuilder deep = new StringBuilder("{ funds(first: 100) { nodes { ");
        StringBuilder closing = new StringBuilder("} } }");
        for (int i = 0; i < 12; i++) {
            deep.append("holdings(first: 100) { nodes { fund { ");
            closing.append("} } }");
        }
        assertThat(requested(deep + "name " + closing)).isEqualTo(Long.MAX_VALUE);
    }

    private static Map<String, Object> company(String name) {
        return Map.of("company", Map.of("name", name));
    }

    private long requested(String document) {
        return requested(document, Map.of());
    }

    private long requested(String document, Map<String, Object> variables) {
        return calculator.requested(ProductSchema.operation(document, variables), ProductSchema.SCHEMA);
    }
}
