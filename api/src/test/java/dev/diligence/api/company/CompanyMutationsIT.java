package dev.diligence.api.company;

import static dev.diligence.api.company.CompanyFixtures.aCompanyInput;
import static dev.diligence.api.company.CompanyFixtures.createCompany;
import static dev.diligence.api.company.CompanyFixtures.input;
import static dev.diligence.api.company.CompanyFixtures.references;
import static dev.diligence.api.company.CompanyFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.support.ApiIntegrationTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/** createCompany, updateCompany and archiveCompany: validation, normalisation, uniqueness, versions and states. */
class CompanyMutationsIT extends ApiIntegrationTest {

    private static String tenant;
    private GraphQlTester admin;
    private String name;
    private String suffix;

    @BeforeAll
    static void aTenant() {
        tenant = newTenant("company-mut");
    }

    @BeforeEach
    void anAdmin() {
        admin = graphQl(usersOf(tenant).tenantAdmin());
        suffix = unique();
        name = "Company " + suffix;
    }

    @Test
    void createsACompanyWithEveryAttributeTrimmingTheNameAndUpperCasingTheCountry() {
        Map<String, Object> companyInput = aCompanyInput(
                "  " + name + "  ",
                "website",
                "https://www.example.com/about?lang=en",
                "sector",
                "HEALTHCARE",
                "headquartersCountry",
                "gb",
                "stage",
                "GROWTH",
                "employeeCount",
                250,
                "description",
                "Clinical decision support with machine learning.",
                "externalReferences",
                references("dealcloud", "dc-" + suffix, "salesforce", "sf-" + suffix));

        GraphQlTester.Response created = admin.documentName("createCompany")
                .variable("input", companyInput)
                .execute();

        created.path("createCompany.userErrors").entityList(Object.class).hasSize(0);
        String id =
                created.path("createCompany.company.id").entity(String.class).get();
        for (String company : List.of("createCompany.company", "company")) {
            GraphQlTester.Response response = company.equals("company")
                    ? admin.documentName("company").variable("id", id).execute()
                    : created;
            response.path(company + ".id")
                    .entity(String.class)
                    .isEqualTo(id)
                    .path(company + ".name")
                    .entity(String.class)
                    .isEqualTo(name)
                    .path(company + ".website")
                    .entity(String.class)
                    .isEqualTo("https://www.example.com/about?lang=en")
                    .path(company + ".sector")
                    .entity(String.class)
                    .isEqualTo("HEALTHCARE")
                    .path(company + ".headquartersCountry")
                    .entity(String.class)
                    .isEqualTo("GB")
                    .path(company + ".stage")
                    .entity(String.class)
                    .isEqualTo("GROWTH")
                    .path(company + ".employeeCount")
                    .entity(Integer.class)
                    .isEqualTo(250)
                    .path(company + ".description")
                    .entity(String.class)
                    .isEqualTo("Clinical decision support with machine learning.")
                    .path(company + ".externalReferences[*].source")
                    .entityList(String.class)
                    .containsExactly("dealcloud", "salesforce")
                    .path(company + ".externalReferences[*].externalId")
                    .entityList(String.class)
                    .containsExactly("dc-" + suffix, "sf-" + suffix)
                    .path(company + ".archived")
                    .entity(Boolean.class)
                    .isEqualTo(false)
                    .path(company + ".version")
                    .entity(Long.class)
                    .isEqualTo(0L);
            OffsetDateTime createdAt = OffsetDateTime.parse(
                    response.path(company + ".createdAt").entity(String.class).get());
            OffsetDateTime updatedAt = OffsetDateTime.parse(
                    response.path(company + ".updatedAt").entity(String.class).get());
            assertThat(updatedAt).isEqualTo(createdAt);
        }
    }

    @Test
    void createsACompanyWithOnlyTheRequiredAttributes() {
        Map<String, Object> minimal =
                Map.of("name", name, "sector", "OTHER", "headquartersCountry", "US", "stage", "SEED");
        admin.documentName("createCompany")
                .variable("input", minimal)
                .execute()
                .path("createCompany.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("createCompany.company.website")
                .valueIsNull()
                .path("createCompany.company.employeeCount")
                .valueIsNull()
                .path("createCompany.company.description")
                .valueIsNull()
                .path("createCompany.company.externalReferences")
                .entityList(Object.class)
                .hasSize(0);
    }

    @ParameterizedTest(name = "employeeCount {0} is accepted")
    @ValueSource(ints = {0, 10_000_000})
    void acceptsTheBoundariesOfTheEmployeeCount(int employees) {
        admin.documentName("createCompany")
                .variable("input", aCompanyInput(name, "employeeCount", employees))
                .execute()
                .path("createCompany.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("createCompany.company.employeeCount")
                .entity(Integer.class)
                .isEqualTo(employees);
    }

    static List<Arguments> invalidInputs() {
        return List.of(
                Arguments.of("blank name", "name", "   ", "REQUIRED", List.of("name")),
                Arguments.of("name of 201 characters", "name", "x".repeat(201), "TOO_LONG", List.of("name")),
                Arguments.of("website with a space", "website", "not a url", "INVALID", List.of("website")),
                Arguments.of("website without scheme", "website", "www.example.com", "INVALID", List.of("website")),
                Arguments.of("ftp website", "website", "ftp://example.com/files", "INVALID", List.of("website")),
                Arguments.of("javascript website", "website", "javascript:alert(1)", "INVALID", List.of("website")),
                Arguments.of("relative website", "website", "/about", "INVALID", List.of("website")),
                Arguments.of("unknown country", "headquartersCountry", "XX", "INVALID", List.of("headquartersCountry")),
                Arguments.of(
                        "alpha-3 country", "headquartersCountry", "DEU", "INVALID", List.of("headquartersCountry")),
                Arguments.of("empty country", "headquartersCountry", "", "REQUIRED", List.of("headquartersCountry")),
                Arguments.of("negative employees", "employeeCount", -1, "OUT_OF_RANGE", List.of("employeeCount")),
                Arguments.of(
                        "too many employees", "employeeCount", 10_000_001, "OUT_OF_RANGE", List.of("employeeCount")),
                Arguments.of(
                        "description of 5001 characters",
                        "description",
                        "d".repeat(5001),
                        "TOO_LONG",
                        List.of("description")),
                Arguments.of(
                        "source with a space",
                        "externalReferences",
                        references("deal cloud", "1"),
                        "INVALID",
                        List.of("externalReferences", "0", "source")),
                Arguments.of(
                        "empty source",
                        "externalReferences",
                        references("", "1"),
                        "INVALID",
                        List.of("externalReferences", "0", "source")),
                Arguments.of(
                        "source of 51 characters",
                        "externalReferences",
                        references("s".repeat(51), "1"),
                        "INVALID",
                        List.of("externalReferences", "0", "source")),
                Arguments.of(
                        "blank external id",
                        "externalReferences",
                        references("dealcloud", "ok", "salesforce", "  "),
                        "REQUIRED",
                        List.of("externalReferences", "1", "externalId")),
                Arguments.of(
                        "external id of 201 characters",
                        "externalReferences",
                        references("dealcloud", "e".repeat(201)),
                        "TOO_LONG",
                        List.of("externalReferences", "0", "externalId")));
    }

    @ParameterizedTest(name = "{0} is {3}")
    @MethodSource("invalidInputs")
    void rejectsInvalidInputWithAUserErrorOnItsFieldAndWritesNothing(
            String label, String field, Object value, String code, List<String> path) {
        long before = totalCount();
        admin.documentName("createCompany")
                .variable("input", aCompanyInput(name, field, value))
                .execute()
                .path("createCompany.company")
                .valueIsNull()
                .path("createCompany.userErrors")
                .entityList(Object.class)
                .hasSize(1)
                .path("createCompany.userErrors[0].field")
                .entityList(String.class)
                .containsExactly(path.toArray(String[]::new))
                .path("createCompany.userErrors[0].code")
                .entity(String.class)
                .isEqualTo(code);
        assertThat(totalCount()).as("companies after a rejected createCompany").isEqualTo(before);
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        List<String> fields = admin.documentName("createCompany")
                .variable(
                        "input",
                        aCompanyInput(" ", "website", "nope", "headquartersCountry", "ZZ", "employeeCount", -5))
                .execute()
                .path("createCompany.userErrors[*].field[0]")
                .entityList(String.class)
                .get();
        assertThat(fields).containsExactlyInAnyOrder("name", "website", "headquartersCountry", "employeeCount");
    }

    @Test
    void anExternalReferenceOfAnotherCompanyIsAlreadyTakenAndNothingIsWritten() {
        createCompany(admin, aCompanyInput(name, "externalReferences", references("dealcloud", "dc-" + suffix)));
        long before = totalCount();

        admin.documentName("createCompany")
                .variable(
                        "input",
                        aCompanyInput(name + " twin", "externalReferences", references("dealcloud", "dc-" + suffix)))
                .execute()
                .path("createCompany.company")
                .valueIsNull()
                .path("createCompany.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("ALREADY_EXISTS")
                .path("createCompany.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("externalReferences", "0", "externalId");
        assertThat(totalCount()).isEqualTo(before);
        admin.documentName("companyNames")
                .variable("filter", Map.of("nameContains", name + " twin"))
                .execute()
                .path("companies.totalCount")
                .entity(Long.class)
                .isEqualTo(0L);
    }

    @Test
    void theSameExternalIdInAnotherSourceIsFree() {
        createCompany(admin, aCompanyInput(name, "externalReferences", references("dealcloud", "id-" + suffix)));
        admin.documentName("createCompany")
                .variable(
                        "input",
                        aCompanyInput(name + " other", "externalReferences", references("salesforce", "id-" + suffix)))
                .execute()
                .path("createCompany.userErrors")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void aCompanyHasAtMostOneReferencePerSource() {
        long before = totalCount();
        admin.documentName("createCompany")
                .variable(
                        "input",
                        aCompanyInput(
                                name,
                                "externalReferences",
                                references("dealcloud", "a-" + suffix, "dealcloud", "b-" + suffix)))
                .execute()
                .path("createCompany.company")
                .valueIsNull()
                .path("createCompany.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("ALREADY_EXISTS")
                .path("createCompany.userErrors[0].field[0]")
                .entity(String.class)
                .isEqualTo("externalReferences");
        assertThat(totalCount()).isEqualTo(before);
    }

    @Test
    void updatesOnlyTheGivenAttributesAndIncrementsTheVersion() {
        String id = createCompany(
                admin,
                aCompanyInput(
                        name,
                        "employeeCount",
                        40,
                        "description",
                        "Before",
                        "externalReferences",
                        references("dealcloud", "dc-" + suffix)));
        String createdAt =
                company(id).path("company.createdAt").entity(String.class).get();

        GraphQlTester.Response updated = admin.documentName("updateCompany")
                .variable(
                        "input",
                        input(
                                "id",
                                id,
                                "expectedVersion",
                                0,
                                "stage",
                                "LATE",
                                "employeeCount",
                                41,
                                "headquartersCountry",
                                "fr"))
                .execute();

        updated.path("updateCompany.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("updateCompany.company.name")
                .entity(String.class)
                .isEqualTo(name)
                .path("updateCompany.company.website")
                .entity(String.class)
                .isEqualTo("https://example.com")
                .path("updateCompany.company.sector")
                .entity(String.class)
                .isEqualTo("ENTERPRISE_SOFTWARE")
                .path("updateCompany.company.headquartersCountry")
                .entity(String.class)
                .isEqualTo("FR")
                .path("updateCompany.company.stage")
                .entity(String.class)
                .isEqualTo("LATE")
                .path("updateCompany.company.employeeCount")
                .entity(Integer.class)
                .isEqualTo(41)
                .path("updateCompany.company.description")
                .entity(String.class)
                .isEqualTo("Before")
                .path("updateCompany.company.externalReferences[*].externalId")
                .entityList(String.class)
                .containsExactly("dc-" + suffix)
                .path("updateCompany.company.version")
                .entity(Long.class)
                .isEqualTo(1L)
                .path("updateCompany.company.createdAt")
                .entity(String.class)
                .isEqualTo(createdAt);
        OffsetDateTime updatedAt = OffsetDateTime.parse(updated.path("updateCompany.company.updatedAt")
                .entity(String.class)
                .get());
        assertThat(updatedAt).isAfterOrEqualTo(OffsetDateTime.parse(createdAt));
        company(id)
                .path("company.stage")
                .entity(String.class)
                .isEqualTo("LATE")
                .path("company.version")
                .entity(Long.class)
                .isEqualTo(1L);
    }

    @Test
    void givenExternalReferencesReplaceAllOfTheOldOnes() {
        String id = createCompany(
                admin,
                aCompanyInput(
                        name,
                        "externalReferences",
                        references("dealcloud", "dc-" + suffix, "salesforce", "sf-" + suffix)));

        admin.documentName("updateCompany")
                .variable(
                        "input",
                        input(
                                "id",
                                id,
                                "expectedVersion",
                                0,
                                "externalReferences",
                                references("hubspot", "hs-" + suffix)))
                .execute()
                .path("updateCompany.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("updateCompany.company.externalReferences[*].source")
                .entityList(String.class)
                .containsExactly("hubspot");
        company(id)
                .path("company.externalReferences[*].externalId")
                .entityList(String.class)
                .containsExactly("hs-" + suffix);

        // the replaced references are free for another company again
        createCompany(
                admin,
                aCompanyInput(name + " successor", "externalReferences", references("dealcloud", "dc-" + suffix)));

        admin.documentName("updateCompany")
                .variable("input", input("id", id, "expectedVersion", 1, "name", name + " renamed"))
                .execute()
                .path("updateCompany.company.externalReferences[*].externalId")
                .entityList(String.class)
                .containsExactly("hs-" + suffix);
        admin.documentName("updateCompany")
                .variable("input", input("id", id, "expectedVersion", 2, "externalReferences", List.of()))
                .execute()
                .path("updateCompany.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("updateCompany.company.externalReferences")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void takingAnotherCompanysReferenceInAnUpdateIsRejectedAndWritesNothing() {
        createCompany(admin, aCompanyInput(name, "externalReferences", references("dealcloud", "dc-" + suffix)));
        String other = createCompany(
                admin, aCompanyInput(name + " other", "externalReferences", references("salesforce", "sf-" + suffix)));

        admin.documentName("updateCompany")
                .variable(
                        "input",
                        input(
                                "id",
                                other,
                                "expectedVersion",
                                0,
                                "name",
                                name + " renamed",
                                "externalReferences",
                                references("dealcloud", "dc-" + suffix)))
                .execute()
                .path("updateCompany.company")
                .valueIsNull()
                .path("updateCompany.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("ALREADY_EXISTS")
                .path("updateCompany.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("externalReferences", "0", "externalId");
        company(other)
                .path("company.name")
                .entity(String.class)
                .isEqualTo(name + " other")
                .path("company.version")
                .entity(Long.class)
                .isEqualTo(0L)
                .path("company.externalReferences[*].externalId")
                .entityList(String.class)
                .containsExactly("sf-" + suffix);
    }

    @Test
    void anInvalidUpdateWritesNothing() {
        String id = createCompany(admin, name);
        admin.documentName("updateCompany")
                .variable(
                        "input",
                        input("id", id, "expectedVersion", 0, "name", name + " valid", "headquartersCountry", "QQ"))
                .execute()
                .path("updateCompany.company")
                .valueIsNull()
                .path("updateCompany.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID")
                .path("updateCompany.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("headquartersCountry");
        company(id)
                .path("company.name")
                .entity(String.class)
                .isEqualTo(name)
                .path("company.headquartersCountry")
                .entity(String.class)
                .isEqualTo("DE")
                .path("company.version")
                .entity(Long.class)
                .isEqualTo(0L);
    }

    @Test
    void aStaleVersionIsAUserErrorNotALostUpdate() {
        String id = createCompany(admin, name);
        updateName(id, 0, name + " renamed")
                .path("updateCompany.company.version")
                .entity(Long.class)
                .isEqualTo(1L);

        updateName(id, 0, name + " overwritten")
                .path("updateCompany.company")
                .valueIsNull()
                .path("updateCompany.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("STALE_VERSION")
                .path("updateCompany.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("expectedVersion");
        company(id)
                .path("company.name")
                .entity(String.class)
                .isEqualTo(name + " renamed")
                .path("company.version")
                .entity(Long.class)
                .isEqualTo(1L);
    }

    @Test
    void archivedCompaniesAreReadOnly() {
        String id = createCompany(admin, name);
        admin.documentName("archiveCompany")
                .variable("input", input("id", id, "expectedVersion", 0))
                .execute()
                .path("archiveCompany.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("archiveCompany.company.archived")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("archiveCompany.company.version")
                .entity(Long.class)
                .isEqualTo(1L);

        updateName(id, 1, name + " again")
                .path("updateCompany.company")
                .valueIsNull()
                .path("updateCompany.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE");
        admin.documentName("archiveCompany")
                .variable("input", input("id", id))
                .execute()
                .path("archiveCompany.company")
                .valueIsNull()
                .path("archiveCompany.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE");
        company(id)
                .path("company.name")
                .entity(String.class)
                .isEqualTo(name)
                .path("company.archived")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("company.version")
                .entity(Long.class)
                .isEqualTo(1L);
    }

    @Test
    void archivingWithAStaleVersionIsRejected() {
        String id = createCompany(admin, name);
        updateName(id, 0, name + " v1");
        admin.documentName("archiveCompany")
                .variable("input", input("id", id, "expectedVersion", 0))
                .execute()
                .path("archiveCompany.company")
                .valueIsNull()
                .path("archiveCompany.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("STALE_VERSION")
                .path("archiveCompany.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("expectedVersion");
        company(id).path("company.archived").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void anAssessorMayCreateUpdateAndArchiveCompanies() {
        GraphQlTester assessor = graphQl(usersOf(tenant).assessor());
        String id = createCompany(
                assessor, aCompanyInput(name, "externalReferences", references("dealcloud", "dc-" + suffix)));
        assessor.documentName("updateCompany")
                .variable("input", input("id", id, "expectedVersion", 0, "description", "Seen by assessor"))
                .execute()
                .path("updateCompany.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("updateCompany.company.description")
                .entity(String.class)
                .isEqualTo("Seen by assessor");
        assessor.documentName("archiveCompany")
                .variable("input", input("id", id, "expectedVersion", 1))
                .execute()
                .path("archiveCompany.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("archiveCompany.company.archived")
                .entity(Boolean.class)
                .isEqualTo(true);
        company(id)
                .path("company.description")
                .entity(String.class)
                .isEqualTo("Seen by assessor")
                .path("company.archived")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("company.version")
                .entity(Long.class)
                .isEqualTo(2L);
    }

    @Test
    void malformedAndUnknownIdsAreNotFoundOnTheIdField() {
        String fund = CompanyFixtures.createFund(admin, "Fund " + suffix);
        for (String id : List.of(
                "not-an-id", "", "Q29tcGFueTpub3QtYS11dWlk", fund, GlobalId.encode("Company", UUID.randomUUID()))) {
            admin.documentName("updateCompany")
                    .variable("input", input("id", id, "expectedVersion", 0, "name", "x"))
                    .execute()
                    .path("updateCompany.company")
                    .valueIsNull()
                    .path("updateCompany.userErrors[0].code")
                    .entity(String.class)
                    .isEqualTo("NOT_FOUND")
                    .path("updateCompany.userErrors[0].field")
                    .entityList(String.class)
                    .containsExactly("id");
            admin.documentName("archiveCompany")
                    .variable("input", input("id", id))
                    .execute()
                    .path("archiveCompany.company")
                    .valueIsNull()
                    .path("archiveCompany.userErrors[0].code")
                    .entity(String.class)
                    .isEqualTo("NOT_FOUND")
                    .path("archiveCompany.userErrors[0].field")
                    .entityList(String.class)
                    .containsExactly("id");
        }
    }

    @Test
    void anUpdatedNameIsTrimmed() {
        String id = createCompany(admin, name);
        updateName(id, 0, "\t " + name + " v2 \n")
                .path("updateCompany.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("updateCompany.company.name")
                .entity(String.class)
                .isEqualTo(name + " v2");
    }

    private GraphQlTester.Response updateName(String id, int expectedVersion, String newName) {
        return admin.documentName("updateCompany")
                .variable("input", Map.of("id", id, "expectedVersion", expectedVersion, "name", newName))
                .execute();
    }

    private GraphQlTester.Response company(String id) {
        return admin.documentName("company").variable("id", id).execute();
    }

    private long totalCount() {
        return admin.documentName("companyNames")
                .variable("first", 0)
                .execute()
                .path("companies.totalCount")
                .entity(Long.class)
                .get();
    }
}
