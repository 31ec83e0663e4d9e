package dev.diligence.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.assessment.AssessmentFixtures;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.limits.CallerBudget;
import dev.diligence.api.operation.ApiOperation;
import dev.diligence.api.support.ApiIntegrationTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A fund manager reads only the funds granted to them, and the holdings and companies reachable
 * through those funds, on every path: lists, counts, filters, lookups and node(id). Other roles
 * read tenant-wide. Granting and revoking take effect with the next request.
 */
class FundScopeIT extends ApiIntegrationTest {

    private String tenant;
    private GraphQlTester admin;
    private GraphQlTester manager;
    private String managerSubject;
    private String granted;
    private String other;
    private String onlyInGranted;
    private String onlyInOther;
    private String inBoth;
    private String holdingInOther;

    @BeforeEach
    void twoFundsOneGranted() {
        tenant = newTenant("scope");
        admin = graphQl(usersOf(tenant).tenantAdmin());
        managerSubject = "fund-manager@" + tenant;
        manager = graphQl(usersOf(tenant).fundManager());
        granted = fund(Map.of("name", "Granted Fund", "vintageYear", 2020, "strategy", "BUYOUT", "currency", "EUR"));
        other = fund(Map.of("name", "Other Fund", "vintageYear", 2021, "strategy", "BUYOUT", "currency", "EUR"));
        onlyInGranted = company("Alpha Only");
        onlyInOther = company("Bravo Only");
        inBoth = company("Charlie Both");
        hold(granted, onlyInGranted, "INVESTED");
        hold(granted, inBoth, "DILIGENCE");
        holdingInOther = hold(other, onlyInOther, "INVESTED");
        hold(other, inBoth, "SOURCED");
        grant(granted, managerSubject)
                .path("grantFundAccess.userErrors")
                .entityList(Object.class)
                .hasSize(0);
    }

    /**
     * The application itself refuses a token without subject (401), whatever the database would allow:
     * the reads of a tenant admin pass every policy, and so did those of a fund manager with an empty
     * subject before the database learnt to fail closed (persistence's FundScopeFailsClosedIT).
     */
    @Test
    void aTokenWithoutSubjectIsRefusedEvenWhereThePoliciesWouldLetItRead() {
        for (String role : List.of("tenant-admin", "fund-manager")) {
            for (String subject : Arrays.asList(null, "", " ")) {
                http().post()
                        .header(
                                HttpHeaders.AUTHORIZATION,
                                "Bearer " + ISSUER.tokenWithSubjectClaim(subject, tenant, role))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("query", "{ funds { totalCount } }"))
                        .exchange()
                        .expectStatus()
                        .isUnauthorized()
                        .expectHeader()
                        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                        .expectBody()
                        .jsonPath("$.errors[0].extensions.classification")
                        .isEqualTo("UNAUTHORIZED")
                        .jsonPath("$.data")
                        .doesNotExist();
            }
        }
    }

    @Test
    @FundScopeProof({ApiOperation.FUNDS})
    void listsAndCountsOnlyTheGrantedFund() {
        manager.document("{ funds { totalCount nodes { id } } }")
                .execute()
                .path("funds.totalCount")
                .entity(Long.class)
                .isEqualTo(1L)
                .path("funds.nodes[*].id")
                .entityList(String.class)
                .containsExactly(granted);
        admin.document("{ funds { totalCount } }")
                .execute()
                .path("funds.totalCount")
                .entity(Long.class)
                .isEqualTo(2L);
    }

    @Test
    @FundScopeProof({ApiOperation.COMPANIES})
    void companiesAreReachableOnlyThroughTheGrantedFund() {
        manager.document("{ companies { totalCount nodes { name } } }")
                .execute()
                .path("companies.totalCount")
                .entity(Long.class)
                .isEqualTo(2L)
                .path("companies.nodes[*].name")
                .entityList(String.class)
                .containsExactly("Alpha Only", "Charlie Both");
        manager.document("query($f: ID!) { companies(filter: {fundId: $f}) { totalCount } }")
                .variable("f", other)
                .execute()
                .path("companies.totalCount")
                .entity(Long.class)
                .isEqualTo(0L);
        manager.document("{ companies(filter: {dealStage: SOURCED}) { totalCount } }")
                .execute()
                .path("companies.totalCount")
                .entity(Long.class)
                .isEqualTo(0L);
    }

    @Test
    void aCompanyInBothFundsShowsOnlyTheGrantedHolding() {
        manager.document(
                        "query($id: ID!) { company(id: $id) { holdings { totalCount nodes { dealStage fund { name } } } } }")
                .variable("id", inBoth)
                .execute()
                .path("company.holdings.totalCount")
                .entity(Long.class)
                .isEqualTo(1L)
                .path("company.holdings.nodes[0].fund.name")
                .entity(String.class)
                .isEqualTo("Granted Fund");
    }

    /**
     * The paged lists reach only what the grants reach: a company's assessment history through the
     * company list of the granted fund's companies, and the unassessed companies of the granted fund's
     * portfolio; another fund's portfolio is nothing, and so is a company only it holds.
     */
    @Test
    @FundScopeProof({ApiOperation.COMPANIES, ApiOperation.COMPANY, ApiOperation.PORTFOLIO})
    void pagedListsReachOnlyTheGrantedFundsCompaniesAndAssessments() {
        GraphQlTester assessor = graphQl(usersOf(tenant).assessor());
        for (String company : List.of(onlyInGranted, onlyInOther, inBoth)) {
            AssessmentFixtures.createAssessment(assessor, company, null);
        }
        manager.document("{ companies { nodes { name assessmentHistory { totalCount nodes { company { name } } } } } }")
                .execute()
                .path("companies.nodes[*].name")
                .entityList(String.class)
                .containsExactly("Alpha Only", "Charlie Both")
                .path("companies.nodes[*].assessmentHistory.totalCount")
                .entityList(Long.class)
                .containsExactly(1L, 1L)
                .path("companies.nodes[*].assessmentHistory.nodes[*].company.name")
                .entityList(String.class)
                .containsExactly("Alpha Only", "Charlie Both");
        String history = "query($id: ID!) { company(id: $id) { assessmentHistory { totalCount } } }";
        manager.document(history)
                .variable("id", onlyInOther)
                .execute()
                .path("company")
                .valueIsNull();
        admin.document(history)
                .variable("id", onlyInOther)
                .execute()
                .path("company.assessmentHistory.totalCount")
                .entity(Long.class)
                .isEqualTo(1L);

        String unassessed = "query($f: ID!) { portfolio(fundId: $f) { unassessed { totalCount nodes { name } } } }";
        manager.document(unassessed)
                .variable("f", granted)
                .execute()
                .path("portfolio.unassessed.totalCount")
                .entity(Long.class)
                .isEqualTo(2L)
                .path("portfolio.unassessed.nodes[*].name")
                .entityList(String.class)
                .containsExactly("Alpha Only", "Charlie Both");
        manager.document(unassessed)
                .variable("f", other)
                .execute()
                .path("portfolio")
                .valueIsNull();
        admin.document(unassessed)
                .variable("f", other)
                .execute()
                .path("portfolio.unassessed.nodes[*].name")
                .entityList(String.class)
                .containsExactly("Bravo Only", "Charlie Both");
    }

    @Test
    void objectsOutsideTheScopeAnswerExactlyLikeObjectsThatDoNotExist() {
        Map<String, String> outside = Map.of("Fund", other, "Company", onlyInOther, "Holding", holdingInOther);
        outside.forEach((type, id) -> {
            String random = GlobalId.encode(type, UUID.randomUUID());
            for (String document : List.of(
                    "query($id: ID!) { node(id: $id) { id } }",
                    "query($id: ID!) { fund(id: $id) { id } }",
                    "query($id: ID!) { company(id: $id) { id } }")) {
                Object answerForOutside = CallerBudget.withoutCurrentBudget(manager.document(document)
                        .variable("id", id)
                        .execute()
                        .returnResponse()
                        .toMap());
                Object answerForNothing = CallerBudget.withoutCurrentBudget(manager.document(document)
                        .variable("id", random)
                        .execute()
                        .returnResponse()
                        .toMap());
                assertThat(answerForOutside).as("%s %s", type, document).isEqualTo(answerForNothing);
            }
            admin.document("query($id: ID!) { node(id: $id) { id } }")
                    .variable("id", id)
                    .execute()
                    .path("node.id")
                    .entity(String.class)
                    .isEqualTo(id);
        });
    }

    @Test
    void revokingTakesEffectWithTheNextRequestAndGrantingAgainRestores() {
        admin.document(
                        "mutation($f: ID!, $s: String!) { revokeFundAccess(input: {fundId: $f, subject: $s}) { revokedGrantId userErrors { code } } }")
                .variable("f", granted)
                .variable("s", managerSubject)
                .execute()
                .path("revokeFundAccess.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        manager.document("{ funds { totalCount } companies { totalCount } }")
                .execute()
                .path("funds.totalCount")
                .entity(Long.class)
                .isEqualTo(0L)
                .path("companies.totalCount")
                .entity(Long.class)
                .isEqualTo(0L);

        grant(other, managerSubject);
        manager.document("{ funds { nodes { id } } }")
                .execute()
                .path("funds.nodes[*].id")
                .entityList(String.class)
                .containsExactly(other);
    }

    @Test
    void aFundManagerWhoAlsoHoldsATenantWideRoleReadsEverything() {
        GraphQlTester managerAndReviewer = graphQl(ISSUER.token(managerSubject, tenant, "fund-manager", "reviewer"));
        managerAndReviewer
                .document("{ viewer { fundScoped } funds { totalCount } companies { totalCount } }")
                .execute()
                .path("viewer.fundScoped")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("funds.totalCount")
                .entity(Long.class)
                .isEqualTo(2L)
                .path("companies.totalCount")
                .entity(Long.class)
                .isEqualTo(3L);
    }

    @Test
    void theViewerListsItsGrantedFunds() {
        manager.document("{ viewer { fundScoped grantedFunds { id name } } }")
                .execute()
                .path("viewer.fundScoped")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("viewer.grantedFunds[*].id")
                .entityList(String.class)
                .containsExactly(granted);
        admin.document("{ viewer { fundScoped grantedFunds { id } } }")
                .execute()
                .path("viewer.fundScoped")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("viewer.grantedFunds")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void tenantAdminsListAFundsGrantsWithPeople() {
        admin.document(
                        "query($f: ID!) { fundAccessGrants(fundId: $f) { fund { id } person { subject } grantedBy { subject } } }")
                .variable("f", granted)
                .execute()
                .path("fundAccessGrants[*].person.subject")
                .entityList(String.class)
                .containsExactly(managerSubject)
                .path("fundAccessGrants[0].fund.id")
                .entity(String.class)
                .isEqualTo(granted)
                .path("fundAccessGrants[0].grantedBy.subject")
                .entity(String.class)
                .isEqualTo("tenant-admin@" + tenant);
    }

    @Test
    void grantMistakesAreUserErrors() {
        grant(granted, managerSubject)
                .path("grantFundAccess.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("ALREADY_EXISTS");
        grant(granted, "  ")
                .path("grantFundAccess.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("REQUIRED");
        grant(GlobalId.encode("Fund", UUID.randomUUID()), managerSubject)
                .path("grantFundAccess.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("fundId");
        admin.document(
                        "mutation($f: ID!) { revokeFundAccess(input: {fundId: $f, subject: \"nobody\"}) { userErrors { code field } } }")
                .variable("f", granted)
                .execute()
                .path("revokeFundAccess.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void grantingAndRevokingAreAudited() {
        admin.document(
                        "mutation($f: ID!, $s: String!) { revokeFundAccess(input: {fundId: $f, subject: $s}) { revokedGrantId } }")
                .variable("f", granted)
                .variable("s", managerSubject)
                .execute();
        admin.document("{ auditEvents(filter: {entityType: \"FundAccessGrant\"}) { nodes { action before after } } }")
                .execute()
                .path("auditEvents.nodes[*].action")
                .entityList(String.class)
                .containsExactly("revokeFundAccess", "grantFundAccess")
                .path("auditEvents.nodes[1].after.subject")
                .entity(String.class)
                .isEqualTo(managerSubject);
    }

    private GraphQlTester.Response grant(String fund, String subject) {
        return admin.document(
                        "mutation($f: ID!, $s: String!) { grantFundAccess(input: {fundId: $f, subject: $s}) { grant { id } userErrors { code field } } }")
                .variable("f", fund)
                .variable("s", subject)
                .execute();
    }

    private String fund(Map<String, Object> input) {
        return admin.document("mutation($input: CreateFundInput!) { createFund(input: $input) { fund { id } } }")
                .variable("input", input)
                .execute()
                .path("createFund.fund.id")
                .entity(String.class)
                .get();
    }

    private String company(String name) {
        return admin.document(
                        "mutation($n: String!) { createCompany(input: {name: $n, sector: OTHER, headquartersCountry: \"FR\", stage: EARLY}) { company { id } } }")
                .variable("n", name)
                .execute()
                .path("createCompany.company.id")
                .entity(String.class)
                .get();
    }

    private String hold(String fund, String company, String stage) {
        return admin.document(
                        "mutation($f: ID!, $c: ID!, $s: DealStage!) { addHolding(input: {fundId: $f, companyId: $c, dealStage: $s}) { holding { id } } }")
                .variable("f", fund)
                .variable("c", company)
                .variable("s", stage)
                .execute()
                .path("addHolding.holding.id")
                .entity(String.class)
                .get();
    }
}
