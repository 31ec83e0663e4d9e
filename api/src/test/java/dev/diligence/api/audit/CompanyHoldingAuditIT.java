package dev.diligence.api.audit;

import static dev.diligence.api.audit.AuditFixtures.eventsOf;
import static dev.diligence.api.company.CompanyFixtures.aCompanyInput;
import static dev.diligence.api.company.CompanyFixtures.addHolding;
import static dev.diligence.api.company.CompanyFixtures.createCompany;
import static dev.diligence.api.company.CompanyFixtures.createFund;
import static dev.diligence.api.company.CompanyFixtures.input;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Company and holding mutations leave one audit event each, with the object before and after. */
class CompanyHoldingAuditIT extends ApiIntegrationTest {

    private GraphQlTester admin;
    private String actor;

    @BeforeEach
    void anAdminOfAFreshFirm() {
        String tenant = newTenant("audit-ch");
        actor = "tenant-admin@" + tenant;
        admin = graphQl(usersOf(tenant).tenantAdmin());
    }

    @Test
    void companyMutationsAreRecordedWithBeforeAndAfter() {
        String company = createCompany(admin, aCompanyInput("Audited Co"));
        admin.documentName("updateCompany")
                .variable("input", input("id", company, "expectedVersion", 0, "employeeCount", 77))
                .execute()
                .path("updateCompany.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        admin.documentName("archiveCompany")
                .variable("input", input("id", company))
                .execute()
                .path("archiveCompany.userErrors")
                .entityList(Object.class)
                .hasSize(0);

        GraphQlTester.Response events = eventsOf(admin, company);
        events.path("auditEvents.edges[*].node.action")
                .entityList(String.class)
                .containsExactly("archiveCompany", "updateCompany", "createCompany");
        events.path("auditEvents.edges[*].node.entityType")
                .entityList(String.class)
                .containsExactly("Company", "Company", "Company");
        events.path("auditEvents.edges[*].node.actor.subject")
                .entityList(String.class)
                .containsExactly(actor, actor, actor);
        events.path("auditEvents.edges[2].node.before")
                .valueIsNull()
                .path("auditEvents.edges[2].node.after.name")
                .entity(String.class)
                .isEqualTo("Audited Co")
                .path("auditEvents.edges[1].node.before.employeeCount")
                .valueIsNull()
                .path("auditEvents.edges[1].node.after.employeeCount")
                .entity(Integer.class)
                .isEqualTo(77)
                .path("auditEvents.edges[0].node.before.archived")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("auditEvents.edges[0].node.after.archived")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    @Test
    void holdingMutationsAreRecordedAndARemovalKeepsWhatWasRemoved() {
        String fund = createFund(admin, "Audited Fund");
        String company = createCompany(admin, aCompanyInput("Held Co"));
        String holding = addHolding(admin, fund, company, "SOURCED");
        admin.documentName("updateHolding")
                .variable("input", input("id", holding, "expectedVersion", 0, "dealStage", "DILIGENCE"))
                .execute()
                .path("updateHolding.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        admin.documentName("removeHolding")
                .variable("input", input("id", holding, "expectedVersion", 1))
                .execute()
                .path("removeHolding.removedHoldingId")
                .entity(String.class)
                .isEqualTo(holding);

        GraphQlTester.Response events = eventsOf(admin, holding);
        events.path("auditEvents.edges[*].node.action")
                .entityList(String.class)
                .containsExactly("removeHolding", "updateHolding", "addHolding");
        events.path("auditEvents.edges[2].node.after.dealStage")
                .entity(String.class)
                .isEqualTo("SOURCED")
                .path("auditEvents.edges[2].node.after.fundId")
                .entity(String.class)
                .isEqualTo(fund)
                .path("auditEvents.edges[2].node.after.companyId")
                .entity(String.class)
                .isEqualTo(company)
                .path("auditEvents.edges[1].node.before.dealStage")
                .entity(String.class)
                .isEqualTo("SOURCED")
                .path("auditEvents.edges[1].node.after.dealStage")
                .entity(String.class)
                .isEqualTo("DILIGENCE")
                .path("auditEvents.edges[0].node.before.dealStage")
                .entity(String.class)
                .isEqualTo("DILIGENCE")
                .path("auditEvents.edges[0].node.after")
                .valueIsNull();
    }

    @Test
    void rejectedCompanyAndHoldingMutationsRecordNothing() {
        String fund = createFund(admin, "Quiet Fund");
        String company = createCompany(admin, aCompanyInput("Quiet Co"));
        admin.documentName("updateCompany")
                .variable("input", input("id", company, "expectedVersion", 0, "website", "not a url"))
                .execute()
                .path("updateCompany.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID");
        admin.documentName("addHolding")
                .variable(
                        "input",
                        Map.of(
                                "fundId",
                                fund,
                                "companyId",
                                company,
                                "dealStage",
                                "INVESTED",
                                "ownershipPercentage",
                                "150"))
                .execute()
                .path("addHolding.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("OUT_OF_RANGE");

        List<String> companyActions = eventsOf(admin, company)
                .path("auditEvents.edges[*].node.action")
                .entityList(String.class)
                .get();
        assertThat(companyActions).containsExactly("createCompany");
        admin.documentName("auditEvents")
                .variable("first", 100)
                .variable("filter", Map.of("entityType", "Holding"))
                .execute()
                .path("auditEvents.totalCount")
                .entity(Long.class)
                .isEqualTo(0L);
    }
}
