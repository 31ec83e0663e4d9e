package dev.diligence.api.holding;

import static dev.diligence.api.company.CompanyFixtures.aHoldingInput;
import static dev.diligence.api.company.CompanyFixtures.addHolding;
import static dev.diligence.api.company.CompanyFixtures.archiveCompany;
import static dev.diligence.api.company.CompanyFixtures.archiveFund;
import static dev.diligence.api.company.CompanyFixtures.createCompany;
import static dev.diligence.api.company.CompanyFixtures.createFund;
import static dev.diligence.api.company.CompanyFixtures.input;
import static dev.diligence.api.company.CompanyFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.support.ApiIntegrationTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/** addHolding, updateHolding and removeHolding: terms, deal-stage moves, versions and states. */
class HoldingMutationsIT extends ApiIntegrationTest {

    /** Deal stages, as the schema names them. */
    enum Stage {
        SOURCED,
        DILIGENCE,
        INVESTED,
        EXITED,
        PASSED
    }

    /** The allowed moves of the issue, staying included. */
    private static final Map<Stage, Set<Stage>> ALLOWED = Map.of(
            Stage.SOURCED, EnumSet.of(Stage.SOURCED, Stage.DILIGENCE, Stage.PASSED),
            Stage.DILIGENCE, EnumSet.of(Stage.DILIGENCE, Stage.INVESTED, Stage.PASSED, Stage.SOURCED),
            Stage.INVESTED, EnumSet.of(Stage.INVESTED, Stage.EXITED),
            Stage.PASSED, EnumSet.of(Stage.PASSED, Stage.SOURCED, Stage.DILIGENCE),
            Stage.EXITED, EnumSet.of(Stage.EXITED));

    /** How a holding added as SOURCED reaches each stage along allowed moves. */
    private static final Map<Stage, List<Stage>> PATH_FROM_SOURCED = Map.of(
            Stage.SOURCED, List.of(),
            Stage.DILIGENCE, List.of(Stage.DILIGENCE),
            Stage.INVESTED, List.of(Stage.DILIGENCE, Stage.INVESTED),
            Stage.EXITED, List.of(Stage.DILIGENCE, Stage.INVESTED, Stage.EXITED),
            Stage.PASSED, List.of(Stage.PASSED));

    private static String tenant;
    private GraphQlTester admin;
    private String suffix;
    private String fund;
    private String company;

    @BeforeAll
    static void aTenant() {
        tenant = newTenant("holding-mut");
    }

    @BeforeEach
    void aFundAndACompany() {
        admin = graphQl(usersOf(tenant).tenantAdmin());
        suffix = unique();
        fund = createFund(admin, "Fund " + suffix);
        company = createCompany(admin, "Company " + suffix);
    }

    @Test
    void addsACompanyToAFund() {
        GraphQlTester.Response added = admin.documentName("addHolding")
                .variable(
                        "input",
                        aHoldingInput(
                                fund,
                                company,
                                "dealStage",
                                "INVESTED",
                                "ownershipPercentage",
                                "12.5",
                                "entryDate",
                                "2024-01-15",
                                "dealLeadSubject",
                                dealLead()))
                .execute();

        added.path("addHolding.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("addHolding.holding.fund.id")
                .entity(String.class)
                .isEqualTo(fund)
                .path("addHolding.holding.fund.name")
                .entity(String.class)
                .isEqualTo("Fund " + suffix)
                .path("addHolding.holding.company.id")
                .entity(String.class)
                .isEqualTo(company)
                .path("addHolding.holding.company.name")
                .entity(String.class)
                .isEqualTo("Company " + suffix)
                .path("addHolding.holding.dealStage")
                .entity(String.class)
                .isEqualTo("INVESTED")
                .path("addHolding.holding.ownershipPercentage")
                .entity(BigDecimal.class)
                .satisfies(share -> assertThat(share).isEqualByComparingTo("12.5"))
                .path("addHolding.holding.entryDate")
                .entity(String.class)
                .isEqualTo("2024-01-15")
                .path("addHolding.holding.exitDate")
                .valueIsNull()
                .path("addHolding.holding.dealLeadSubject")
                .entity(String.class)
                .isEqualTo(dealLead())
                .path("addHolding.holding.version")
                .entity(Long.class)
                .isEqualTo(0L);
        String id = added.path("addHolding.holding.id").entity(String.class).get();
        assertThat(GlobalId.decode(id, "Holding")).isPresent();
        fundHoldings()
                .path("fund.holdings.nodes[*].id")
                .entityList(String.class)
                .containsExactly(id)
                .path("fund.holdings.totalCount")
                .entity(Long.class)
                .isEqualTo(1L);
        holding(id)
                .path("node.__typename")
                .entity(String.class)
                .isEqualTo("Holding")
                .path("node.company.name")
                .entity(String.class)
                .isEqualTo("Company " + suffix);
    }

    @Test
    void addsAnExitedHoldingWithBothDates() {
        admin.documentName("addHolding")
                .variable(
                        "input",
                        aHoldingInput(
                                fund,
                                company,
                                "dealStage",
                                "EXITED",
                                "entryDate",
                                "2019-05-01",
                                "exitDate",
                                "2024-06-30"))
                .execute()
                .path("addHolding.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("addHolding.holding.dealStage")
                .entity(String.class)
                .isEqualTo("EXITED")
                .path("addHolding.holding.entryDate")
                .entity(String.class)
                .isEqualTo("2019-05-01")
                .path("addHolding.holding.exitDate")
                .entity(String.class)
                .isEqualTo("2024-06-30");
    }

    @Test
    void anExitOnTheDayOfEntryIsAllowed() {
        admin.documentName("addHolding")
                .variable(
                        "input",
                        aHoldingInput(
                                fund,
                                company,
                                "dealStage",
                                "EXITED",
                                "entryDate",
                                "2024-06-30",
                                "exitDate",
                                "2024-06-30"))
                .execute()
                .path("addHolding.userErrors")
                .entityList(Object.class)
                .hasSize(0);
    }

    @ParameterizedTest(name = "ownership {0} is accepted")
    @ValueSource(strings = {"0", "100", "100.0000", "3.1234", "0.0001"})
    void acceptsOwnershipFromZeroToOneHundredWithFourDecimals(String percentage) {
        admin.documentName("addHolding")
                .variable("input", aHoldingInput(fund, company, "ownershipPercentage", percentage))
                .execute()
                .path("addHolding.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("addHolding.holding.ownershipPercentage")
                .entity(BigDecimal.class)
                .satisfies(share -> assertThat(share).isEqualByComparingTo(percentage));
    }

    static List<Arguments> invalidTerms() {
        return List.of(
                Arguments.of(
                        "ownership -1",
                        Map.of("ownershipPercentage", "-1"),
                        "OUT_OF_RANGE",
                        List.of("ownershipPercentage")),
                Arguments.of(
                        "ownership 100.00001",
                        Map.of("ownershipPercentage", "100.00001"),
                        "OUT_OF_RANGE",
                        List.of("ownershipPercentage")),
                Arguments.of(
                        "ownership 3.12345",
                        Map.of("ownershipPercentage", "3.12345"),
                        "INVALID",
                        List.of("ownershipPercentage")),
                Arguments.of(
                        "exitDate of a SOURCED holding",
                        Map.of("exitDate", "2024-01-01"),
                        "INVALID",
                        List.of("exitDate")),
                Arguments.of(
                        "exitDate of an INVESTED holding",
                        Map.of("dealStage", "INVESTED", "entryDate", "2022-01-01", "exitDate", "2024-01-01"),
                        "INVALID",
                        List.of("exitDate")),
                Arguments.of(
                        "exit before entry",
                        Map.of("dealStage", "EXITED", "entryDate", "2024-02-01", "exitDate", "2024-01-31"),
                        "OUT_OF_RANGE",
                        List.of("exitDate")),
                Arguments.of(
                        "deal lead nobody in the firm has",
                        Map.of("dealLeadSubject", "stranger-" + UUID.randomUUID()),
                        "NOT_FOUND",
                        List.of("dealLeadSubject")));
    }

    @ParameterizedTest(name = "{0} is {2}")
    @MethodSource("invalidTerms")
    void rejectsInvalidTermsWithAUserErrorAndWritesNothing(
            String label, Map<String, Object> terms, String code, List<String> field) {
        Map<String, Object> holdingInput = aHoldingInput(fund, company);
        holdingInput.putAll(terms);
        GraphQlTester.Response response =
                admin.documentName("addHolding").variable("input", holdingInput).execute();
        naming(label, () -> {
            response.path("addHolding.holding")
                    .valueIsNull()
                    .path("addHolding.userErrors")
                    .entityList(Object.class)
                    .hasSize(1)
                    .path("addHolding.userErrors[0].code")
                    .entity(String.class)
                    .isEqualTo(code)
                    .path("addHolding.userErrors[0].field")
                    .entityList(String.class)
                    .containsExactly(field.toArray(String[]::new));
            assertNoHoldings();
        });
    }

    @Test
    void aBlankDealLeadIsRejectedOnTheDealLeadSubjectField() {
        GraphQlTester.Response added = admin.documentName("addHolding")
                .variable("input", aHoldingInput(fund, company, "dealLeadSubject", "  "))
                .execute();
        added.path("addHolding.holding")
                .valueIsNull()
                .path("addHolding.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("dealLeadSubject");
        assertThat(added.path("addHolding.userErrors[0].code")
                        .entity(String.class)
                        .get())
                .isIn("INVALID", "REQUIRED", "NOT_FOUND");
        assertNoHoldings();

        String id = addHolding(admin, fund, company, "SOURCED");
        GraphQlTester.Response updated = update(id, 0, "dealLeadSubject", "  ");
        updated.path("updateHolding.holding")
                .valueIsNull()
                .path("updateHolding.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("dealLeadSubject");
        assertThat(updated.path("updateHolding.userErrors[0].code")
                        .entity(String.class)
                        .get())
                .isIn("INVALID", "REQUIRED", "NOT_FOUND");
        holding(id)
                .path("node.dealLeadSubject")
                .valueIsNull()
                .path("node.version")
                .entity(Long.class)
                .isEqualTo(0L);
    }

    @Test
    void aDealLeadMustBeAPersonOfTheFirm() {
        String id = addHolding(admin, fund, company, "SOURCED");
        update(id, 0, "dealLeadSubject", "stranger-" + suffix)
                .path("updateHolding.holding")
                .valueIsNull()
                .path("updateHolding.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND")
                .path("updateHolding.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("dealLeadSubject");
        update(id, 0, "dealLeadSubject", dealLead())
                .path("updateHolding.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("updateHolding.holding.dealLeadSubject")
                .entity(String.class)
                .isEqualTo(dealLead());
    }

    @Test
    void aCompanyIsInAFundAtMostOnce() {
        addHolding(admin, fund, company, "SOURCED");
        admin.documentName("addHolding")
                .variable("input", aHoldingInput(fund, company, "dealStage", "DILIGENCE"))
                .execute()
                .path("addHolding.holding")
                .valueIsNull()
                .path("addHolding.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("ALREADY_EXISTS")
                .path("addHolding.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("companyId");
        fundHoldings()
                .path("fund.holdings.totalCount")
                .entity(Long.class)
                .isEqualTo(1L)
                .path("fund.holdings.nodes[*].dealStage")
                .entityList(String.class)
                .containsExactly("SOURCED");
    }

    @Test
    void aCompanyCanBeInTwoFundsOfTheSameFirm() {
        String secondFund = createFund(admin, "Second Fund " + suffix);
        addHolding(admin, fund, company, "INVESTED");
        addHolding(admin, secondFund, company, "DILIGENCE");
        admin.documentName("companyHoldings")
                .variable("id", company)
                .execute()
                .path("company.holdings.totalCount")
                .entity(Long.class)
                .isEqualTo(2L)
                .path("company.holdings.nodes[*].fund.name")
                .entityList(String.class)
                .containsExactly("Fund " + suffix, "Second Fund " + suffix)
                .path("company.holdings.nodes[*].dealStage")
                .entityList(String.class)
                .containsExactly("INVESTED", "DILIGENCE");
    }

    @Test
    void nothingJoinsAnArchivedFund() {
        archiveFund(admin, fund);
        admin.documentName("addHolding")
                .variable("input", aHoldingInput(fund, company))
                .execute()
                .path("addHolding.holding")
                .valueIsNull()
                .path("addHolding.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE")
                .path("addHolding.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("fundId");
        assertNoHoldings();
    }

    @Test
    void anArchivedCompanyJoinsNoFund() {
        archiveCompany(admin, company);
        admin.documentName("addHolding")
                .variable("input", aHoldingInput(fund, company))
                .execute()
                .path("addHolding.holding")
                .valueIsNull()
                .path("addHolding.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE")
                .path("addHolding.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("companyId");
        assertNoHoldings();
    }

    @Test
    void unknownFundIdsAreNotFoundOnFundId() {
        for (String fundId : List.of("garbage", "", GlobalId.encode("Fund", UUID.randomUUID()), company)) {
            admin.documentName("addHolding")
                    .variable("input", aHoldingInput(fundId, company))
                    .execute()
                    .path("addHolding.holding")
                    .valueIsNull()
                    .path("addHolding.userErrors[0].code")
                    .entity(String.class)
                    .isEqualTo("NOT_FOUND")
                    .path("addHolding.userErrors[0].field")
                    .entityList(String.class)
                    .containsExactly("fundId");
        }
        assertNoHoldings();
    }

    @Test
    void unknownCompanyIdsAreNotFoundOnCompanyId() {
        for (String companyId : List.of("garbage", "", GlobalId.encode("Company", UUID.randomUUID()), fund)) {
            admin.documentName("addHolding")
                    .variable("input", aHoldingInput(fund, companyId))
                    .execute()
                    .path("addHolding.holding")
                    .valueIsNull()
                    .path("addHolding.userErrors[0].code")
                    .entity(String.class)
                    .isEqualTo("NOT_FOUND")
                    .path("addHolding.userErrors[0].field")
                    .entityList(String.class)
                    .containsExactly("companyId");
        }
        assertNoHoldings();
    }

    static Stream<Arguments> everyPairOfStages() {
        return Stream.of(Stage.values())
                .flatMap(from -> Stream.of(Stage.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("everyPairOfStages")
    void allowedStageMovesSucceedAndEveryOtherIsInvalidState(Stage from, Stage to) {
        String id = addHolding(admin, fund, company, "SOURCED");
        long version = 0;
        for (Stage step : PATH_FROM_SOURCED.get(from)) {
            update(id, version, "dealStage", step.name())
                    .path("updateHolding.userErrors")
                    .entityList(Object.class)
                    .hasSize(0);
            version++;
        }
        long versionAtSource = version;

        GraphQlTester.Response moved = update(id, versionAtSource, "dealStage", to.name());

        naming(from + " to " + to, () -> {
            if (ALLOWED.get(from).contains(to)) {
                moved.path("updateHolding.userErrors")
                        .entityList(Object.class)
                        .hasSize(0)
                        .path("updateHolding.holding.dealStage")
                        .entity(String.class)
                        .isEqualTo(to.name())
                        .path("updateHolding.holding.version")
                        .entity(Long.class)
                        .isEqualTo(versionAtSource + 1);
                holding(id).path("node.dealStage").entity(String.class).isEqualTo(to.name());
            } else {
                moved.path("updateHolding.holding")
                        .valueIsNull()
                        .path("updateHolding.userErrors[0].code")
                        .entity(String.class)
                        .isEqualTo("INVALID_STATE")
                        .path("updateHolding.userErrors[0].field")
                        .entityList(String.class)
                        .containsExactly("dealStage");
                holding(id)
                        .path("node.dealStage")
                        .entity(String.class)
                        .isEqualTo(from.name())
                        .path("node.version")
                        .entity(Long.class)
                        .isEqualTo(versionAtSource);
            }
        });
    }

    @Test
    void updatesOnlyTheGivenTermsAndIncrementsTheVersion() {
        String id = addHolding(
                admin,
                aHoldingInput(
                        fund,
                        company,
                        "dealStage",
                        "INVESTED",
                        "ownershipPercentage",
                        "10",
                        "entryDate",
                        "2023-03-01",
                        "dealLeadSubject",
                        dealLead()));
        update(id, 0, "ownershipPercentage", "15.5")
                .path("updateHolding.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("updateHolding.holding.dealStage")
                .entity(String.class)
                .isEqualTo("INVESTED")
                .path("updateHolding.holding.ownershipPercentage")
                .entity(BigDecimal.class)
                .satisfies(share -> assertThat(share).isEqualByComparingTo("15.5"))
                .path("updateHolding.holding.entryDate")
                .entity(String.class)
                .isEqualTo("2023-03-01")
                .path("updateHolding.holding.dealLeadSubject")
                .entity(String.class)
                .isEqualTo(dealLead())
                .path("updateHolding.holding.version")
                .entity(Long.class)
                .isEqualTo(1L);
        holding(id)
                .path("node.ownershipPercentage")
                .entity(BigDecimal.class)
                .satisfies(share -> assertThat(share).isEqualByComparingTo("15.5"))
                .path("node.version")
                .entity(Long.class)
                .isEqualTo(1L);
    }

    @Test
    void exitsAHoldingOnlyWithAnExitDateNotBeforeEntry() {
        String id = addHolding(admin, aHoldingInput(fund, company, "dealStage", "INVESTED", "entryDate", "2023-03-01"));

        update(id, 0, "dealStage", "EXITED", "exitDate", "2023-02-28")
                .path("updateHolding.holding")
                .valueIsNull()
                .path("updateHolding.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("OUT_OF_RANGE")
                .path("updateHolding.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("exitDate");
        holding(id)
                .path("node.dealStage")
                .entity(String.class)
                .isEqualTo("INVESTED")
                .path("node.exitDate")
                .valueIsNull();

        update(id, 0, "dealStage", "EXITED", "exitDate", "2025-06-30")
                .path("updateHolding.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("updateHolding.holding.dealStage")
                .entity(String.class)
                .isEqualTo("EXITED")
                .path("updateHolding.holding.exitDate")
                .entity(String.class)
                .isEqualTo("2025-06-30");
    }

    @Test
    void anExitDateNeedsTheExitedStage() {
        String id = addHolding(admin, aHoldingInput(fund, company, "dealStage", "INVESTED", "entryDate", "2023-03-01"));
        update(id, 0, "exitDate", "2025-01-01")
                .path("updateHolding.holding")
                .valueIsNull()
                .path("updateHolding.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID")
                .path("updateHolding.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("exitDate");
        holding(id)
                .path("node.exitDate")
                .valueIsNull()
                .path("node.version")
                .entity(Long.class)
                .isEqualTo(0L);
    }

    @Test
    void anInvalidUpdateWritesNothing() {
        String id = addHolding(admin, aHoldingInput(fund, company, "ownershipPercentage", "20"));
        update(id, 0, "dealStage", "DILIGENCE", "ownershipPercentage", "101")
                .path("updateHolding.holding")
                .valueIsNull()
                .path("updateHolding.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("OUT_OF_RANGE")
                .path("updateHolding.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("ownershipPercentage");
        holding(id)
                .path("node.dealStage")
                .entity(String.class)
                .isEqualTo("SOURCED")
                .path("node.ownershipPercentage")
                .entity(BigDecimal.class)
                .satisfies(share -> assertThat(share).isEqualByComparingTo("20"))
                .path("node.version")
                .entity(Long.class)
                .isEqualTo(0L);
    }

    @Test
    void aStaleVersionIsAUserErrorNotALostUpdate() {
        String id = addHolding(admin, fund, company, "SOURCED");
        update(id, 0, "ownershipPercentage", "5")
                .path("updateHolding.holding.version")
                .entity(Long.class)
                .isEqualTo(1L);

        update(id, 0, "ownershipPercentage", "7")
                .path("updateHolding.holding")
                .valueIsNull()
                .path("updateHolding.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("STALE_VERSION")
                .path("updateHolding.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("expectedVersion");
        remove(id, 0)
                .path("removeHolding.removedHoldingId")
                .valueIsNull()
                .path("removeHolding.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("STALE_VERSION")
                .path("removeHolding.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("expectedVersion");
        holding(id)
                .path("node.ownershipPercentage")
                .entity(BigDecimal.class)
                .satisfies(share -> assertThat(share).isEqualByComparingTo("5"))
                .path("node.version")
                .entity(Long.class)
                .isEqualTo(1L);
    }

    @Test
    void removingAHoldingTakesTheCompanyOutOfTheFund() {
        String id = addHolding(admin, fund, company, "DILIGENCE");

        remove(id, 0)
                .path("removeHolding.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("removeHolding.removedHoldingId")
                .entity(String.class)
                .isEqualTo(id);

        fundHoldings()
                .path("fund.holdings.totalCount")
                .entity(Long.class)
                .isEqualTo(0L)
                .path("fund.holdings.nodes")
                .entityList(Object.class)
                .hasSize(0);
        holding(id).path("node").valueIsNull();
        admin.documentName("companyHoldings")
                .variable("id", company)
                .execute()
                .path("company.holdings.totalCount")
                .entity(Long.class)
                .isEqualTo(0L);
        remove(id, 0)
                .path("removeHolding.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND")
                .path("removeHolding.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("id");
        // the company may join the fund again
        addHolding(admin, fund, company, "SOURCED");
    }

    @Test
    void malformedAndUnknownHoldingIdsAreNotFound() {
        for (String id : List.of("garbage", "", GlobalId.encode("Holding", UUID.randomUUID()), company, fund)) {
            update(id, 0, "dealStage", "DILIGENCE")
                    .path("updateHolding.holding")
                    .valueIsNull()
                    .path("updateHolding.userErrors[0].code")
                    .entity(String.class)
                    .isEqualTo("NOT_FOUND")
                    .path("updateHolding.userErrors[0].field")
                    .entityList(String.class)
                    .containsExactly("id");
            remove(id, 0)
                    .path("removeHolding.removedHoldingId")
                    .valueIsNull()
                    .path("removeHolding.userErrors[0].code")
                    .entity(String.class)
                    .isEqualTo("NOT_FOUND")
                    .path("removeHolding.userErrors[0].field")
                    .entityList(String.class)
                    .containsExactly("id");
        }
    }

    @Test
    void holdingsOfAnArchivedFundAreReadOnly() {
        String id = addHolding(admin, fund, company, "SOURCED");
        archiveFund(admin, fund);
        GraphQlTester.Response updated = update(id, 0, "dealStage", "DILIGENCE");
        updated.path("updateHolding.holding")
                .valueIsNull()
                .path("updateHolding.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE");
        assertFieldIsNullOrAnInputField(updated, "updateHolding", "id", "expectedVersion", "dealStage");
        GraphQlTester.Response removed = remove(id, 0);
        removed.path("removeHolding.removedHoldingId")
                .valueIsNull()
                .path("removeHolding.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE");
        assertFieldIsNullOrAnInputField(removed, "removeHolding", "id", "expectedVersion");
        holding(id)
                .path("node.dealStage")
                .entity(String.class)
                .isEqualTo("SOURCED")
                .path("node.version")
                .entity(Long.class)
                .isEqualTo(0L);
    }

    /**
     * The first user error's {@code field} is null (the error concerns the whole input) or starts
     * with a field of the mutation's input: a path into the input, as the schema promises.
     */
    @SuppressWarnings("unchecked")
    private static void assertFieldIsNullOrAnInputField(
            GraphQlTester.Response response, String mutation, String... inputFields) {
        Map<String, Object> error =
                response.path(mutation + ".userErrors[0]").entity(Map.class).get();
        List<String> field = (List<String>) error.get("field");
        if (field != null) {
            assertThat(field).as("%s.userErrors[0].field", mutation).isNotEmpty();
            assertThat(List.of(inputFields))
                    .as("%s.userErrors[0].field %s names no field of the input", mutation, field)
                    .contains(field.get(0));
        }
    }

    /** A person the firm knows: the tenant admin, who has called the API by the time it is used. */
    private static String dealLead() {
        return "tenant-admin@" + tenant;
    }

    private GraphQlTester.Response update(String id, long expectedVersion, Object... changes) {
        List<Object> keysAndValues = new ArrayList<>(List.of("id", id, "expectedVersion", expectedVersion));
        keysAndValues.addAll(List.of(changes));
        return admin.documentName("updateHolding")
                .variable("input", input(keysAndValues.toArray()))
                .execute();
    }

    private GraphQlTester.Response remove(String id, long expectedVersion) {
        return admin.documentName("removeHolding")
                .variable("input", Map.of("id", id, "expectedVersion", expectedVersion))
                .execute();
    }

    private GraphQlTester.Response holding(String id) {
        return admin.documentName("holdingNode").variable("id", id).execute();
    }

    private GraphQlTester.Response fundHoldings() {
        return admin.documentName("fundHoldings").variable("id", fund).execute();
    }

    /** Neither this test's fund nor its company has a holding. */
    private void assertNoHoldings() {
        fundHoldings()
                .path("fund.holdings.totalCount")
                .entity(Long.class)
                .isEqualTo(0L)
                .path("fund.holdings.nodes")
                .entityList(Object.class)
                .hasSize(0);
        admin.documentName("companyHoldings")
                .variable("id", company)
                .execute()
                .path("company.holdings.totalCount")
                .entity(Long.class)
                .isEqualTo(0L);
    }

    /** Runs {@code checks}, naming the case in a failure (reports show only the index of a parameterized case). */
    private static void naming(String testCase, Runnable checks) {
        try {
            checks.run();
        } catch (AssertionError failure) {
            throw new AssertionError(testCase + ": " + failure.getMessage(), failure);
        }
    }
}
