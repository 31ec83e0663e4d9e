package dev.diligence.api.fund;

import static dev.diligence.api.fund.FundFixtures.aFundInput;
import static dev.diligence.api.fund.FundFixtures.createFund;
import static dev.diligence.api.fund.FundFixtures.input;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.test.tester.GraphQlTester;

class FundMutationsIT extends ApiIntegrationTest {

    private static String tenant;
    private GraphQlTester admin;
    private String name;

    @BeforeAll
    static void aTenant() {
        tenant = newTenant("fund-mut");
    }

    @BeforeEach
    void anAdmin() {
        admin = graphQl(usersOf(tenant).tenantAdmin());
        name = "Fund " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createsAFundWithEveryAttribute() {
        admin.documentName("createFund")
                .variable(
                        "input",
                        aFundInput(
                                "  " + name + "  ",
                                "currency",
                                "eur",
                                "targetSize",
                                "123456789.50",
                                "strategy",
                                "BUYOUT"))
                .execute()
                .path("createFund.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("createFund.fund.name")
                .entity(String.class)
                .isEqualTo(name)
                .path("createFund.fund.vintageYear")
                .entity(Integer.class)
                .isEqualTo(2021)
                .path("createFund.fund.strategy")
                .entity(String.class)
                .isEqualTo("BUYOUT")
                .path("createFund.fund.currency")
                .entity(String.class)
                .isEqualTo("EUR")
                .path("createFund.fund.targetSize")
                .entity(BigDecimal.class)
                .satisfies(size -> assertThat(size).isEqualByComparingTo("123456789.50"))
                .path("createFund.fund.status")
                .entity(String.class)
                .isEqualTo("ACTIVE")
                .path("createFund.fund.version")
                .entity(Long.class)
                .isEqualTo(0L);
    }

    static List<Arguments> invalidInputs() {
        return List.of(
                Arguments.of("name", "   ", "REQUIRED"),
                Arguments.of("name", "x".repeat(201), "TOO_LONG"),
                Arguments.of("vintageYear", 1949, "OUT_OF_RANGE"),
                Arguments.of("vintageYear", 2999, "OUT_OF_RANGE"),
                Arguments.of("currency", "XYZ", "INVALID"),
                Arguments.of("currency", "", "REQUIRED"),
                Arguments.of("targetSize", "-1", "OUT_OF_RANGE"),
                Arguments.of("targetSize", "10.001", "INVALID"));
    }

    @ParameterizedTest(name = "{0} = {1} is {2}")
    @MethodSource("invalidInputs")
    void rejectsInvalidInputWithAUserErrorAndWritesNothing(String field, Object value, String code) {
        long before = totalCount();
        admin.documentName("createFund")
                .variable("input", aFundInput(name, field, value))
                .execute()
                .path("createFund.fund")
                .valueIsNull()
                .path("createFund.userErrors[0].field")
                .entityList(String.class)
                .containsExactly(field)
                .path("createFund.userErrors[0].code")
                .entity(String.class)
                .isEqualTo(code);
        assertThat(totalCount()).isEqualTo(before);
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        admin.documentName("createFund")
                .variable("input", aFundInput(" ", "vintageYear", 1800, "currency", "ZZZ", "targetSize", "-3"))
                .execute()
                .path("createFund.userErrors[*].field[0]")
                .entityList(String.class)
                .containsExactly("name", "vintageYear", "currency", "targetSize");
    }

    @Test
    void rejectsADuplicateNameIgnoringCase() {
        createFund(admin, name);
        long before = totalCount();
        admin.documentName("createFund")
                .variable("input", aFundInput(name.toUpperCase()))
                .execute()
                .path("createFund.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("ALREADY_EXISTS")
                .path("createFund.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("name");
        assertThat(totalCount()).isEqualTo(before);
    }

    @Test
    void updatesOnlyTheGivenAttributesAndIncrementsTheVersion() {
        String id = createFund(admin, aFundInput(name, "targetSize", "100"));
        admin.documentName("updateFund")
                .variable("input", input("id", id, "expectedVersion", 0, "vintageYear", 2023, "targetSize", "250.75"))
                .execute()
                .path("updateFund.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("updateFund.fund.name")
                .entity(String.class)
                .isEqualTo(name)
                .path("updateFund.fund.vintageYear")
                .entity(Integer.class)
                .isEqualTo(2023)
                .path("updateFund.fund.currency")
                .entity(String.class)
                .isEqualTo("USD")
                .path("updateFund.fund.targetSize")
                .entity(BigDecimal.class)
                .satisfies(size -> assertThat(size).isEqualByComparingTo("250.75"))
                .path("updateFund.fund.version")
                .entity(Long.class)
                .isEqualTo(1L);
    }

    @Test
    void aStaleVersionIsAUserErrorNotALostUpdate() {
        String id = createFund(admin, name);
        updateName(id, 0, name + " renamed")
                .path("updateFund.fund.version")
                .entity(Long.class)
                .isEqualTo(1L);

        updateName(id, 0, name + " overwritten")
                .path("updateFund.fund")
                .valueIsNull()
                .path("updateFund.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("STALE_VERSION")
                .path("updateFund.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("expectedVersion");
        admin.documentName("fund")
                .variable("id", id)
                .execute()
                .path("fund.name")
                .entity(String.class)
                .isEqualTo(name + " renamed")
                .path("fund.version")
                .entity(Long.class)
                .isEqualTo(1L);
    }

    @Test
    void anInvalidUpdateWritesNothing() {
        String id = createFund(admin, name);
        admin.documentName("updateFund")
                .variable(
                        "input",
                        input("id", id, "expectedVersion", 0, "name", "Valid new name " + name, "currency", "NOPE"))
                .execute()
                .path("updateFund.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID");
        admin.documentName("fund")
                .variable("id", id)
                .execute()
                .path("fund.name")
                .entity(String.class)
                .isEqualTo(name)
                .path("fund.version")
                .entity(Long.class)
                .isEqualTo(0L);
    }

    @Test
    void renamingToAnotherFundsNameIsRejected() {
        String other = createFund(admin, name + " other");
        createFund(admin, name);
        updateName(other, 0, name.toLowerCase())
                .path("updateFund.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("ALREADY_EXISTS");
    }

    @Test
    void archivedFundsAreReadOnly() {
        String id = createFund(admin, name);
        admin.documentName("archiveFund")
                .variable("input", input("id", id, "expectedVersion", 0))
                .execute()
                .path("archiveFund.fund.status")
                .entity(String.class)
                .isEqualTo("ARCHIVED")
                .path("archiveFund.fund.version")
                .entity(Long.class)
                .isEqualTo(1L);

        updateName(id, 1, name + " again")
                .path("updateFund.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE");
        admin.documentName("archiveFund")
                .variable("input", input("id", id))
                .execute()
                .path("archiveFund.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE");
    }

    @Test
    void archivingWithAStaleVersionIsRejected() {
        String id = createFund(admin, name);
        updateName(id, 0, name + " v1");
        admin.documentName("archiveFund")
                .variable("input", input("id", id, "expectedVersion", 0))
                .execute()
                .path("archiveFund.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("STALE_VERSION");
        admin.documentName("fund")
                .variable("id", id)
                .execute()
                .path("fund.status")
                .entity(String.class)
                .isEqualTo("ACTIVE");
    }

    @Test
    void malformedIdsAreNotFound() {
        for (String id : List.of("not-an-id", "", "RnVuZDpub3QtYS11dWlk")) {
            admin.documentName("updateFund")
                    .variable("input", input("id", id, "expectedVersion", 0, "name", "x"))
                    .execute()
                    .path("updateFund.userErrors[0].code")
                    .entity(String.class)
                    .isEqualTo("NOT_FOUND")
                    .path("updateFund.userErrors[0].field")
                    .entityList(String.class)
                    .containsExactly("id");
        }
    }

    private GraphQlTester.Response updateName(String id, int expectedVersion, String newName) {
        return admin.documentName("updateFund")
                .variable("input", Map.of("id", id, "expectedVersion", expectedVersion, "name", newName))
                .execute();
    }

    private long totalCount() {
        return admin.documentName("funds")
                .variable("first", 0)
                .execute()
                .path("funds.totalCount")
                .entity(Long.class)
                .get();
    }
}
