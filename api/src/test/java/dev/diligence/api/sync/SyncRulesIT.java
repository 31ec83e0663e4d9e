package dev.diligence.api.sync;

import static dev.diligence.api.sync.SyncFixtures.aCompany;
import static dev.diligence.api.sync.SyncFixtures.aFund;
import static dev.diligence.api.sync.SyncFixtures.aHolding;
import static dev.diligence.api.sync.SyncFixtures.input;
import static dev.diligence.api.sync.SyncFixtures.number;
import static dev.diligence.api.sync.SyncFixtures.sync;
import static dev.diligence.api.sync.SyncFixtures.tenantId;
import static dev.diligence.api.sync.SyncFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** The rules of the single mutations hold in a sync too: archived objects, references set by people, removed holdings, moves. */
class SyncRulesIT extends ApiIntegrationTest {

    private static final String SOURCE = "dealcloud";

    @Test
    void anArchivedFundIsLeftUnchangedButNeverChanged() {
        String tenant = newTenant("sync-archived");
        GraphQlTester integration = graphQl(usersOf(tenant).integration());
        Map<String, Object> fund = aFund("F1", "Archived fund");
        String id = sync(integration, input(SOURCE, "k1", List.of(fund), List.of(), List.of()))
                .path("syncDeals.funds[0].id")
                .entity(String.class)
                .get();
        graphQl(usersOf(tenant).tenantAdmin())
                .documentName("archiveFund")
                .variable("input", Map.of("id", id))
                .execute()
                .path("archiveFund.userErrors")
                .entityList(Object.class)
                .hasSize(0);

        sync(integration, input(SOURCE, "k2", List.of(fund), List.of(), List.of()))
                .path("syncDeals.funds[0].outcome")
                .entity(String.class)
                .isEqualTo("UNCHANGED");
        GraphQlTester.Response changed =
                sync(integration, input(SOURCE, "k3", List.of(with(fund, "name", "Renamed")), List.of(), List.of()));

        changed.path("syncDeals.funds[0].outcome")
                .entity(String.class)
                .isEqualTo("FAILED")
                .path("syncDeals.funds[0].userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE");
        assertThat(SyncFixtures.texts("select name from funds where tenant_id = ?", tenantId(tenant)))
                .containsExactly("Archived fund");
    }

    @Test
    void aCompanyWithTheReferenceSetByAPersonIsTheOneSynced() {
        String tenant = newTenant("sync-adopt");
        Map<String, Object> created = new java.util.HashMap<>(Map.of(
                "name",
                "Entered by hand",
                "sector",
                "INSURANCE",
                "headquartersCountry",
                "FR",
                "stage",
                "EARLY",
                "externalReferences",
                List.of(
                        Map.of("source", SOURCE, "externalId", "C1"),
                        Map.of("source", "hubspot", "externalId", "h-1"))));
        String id = graphQl(usersOf(tenant).tenantAdmin())
                .documentName("createCompany")
                .variable("input", created)
                .execute()
                .path("createCompany.company.id")
                .entity(String.class)
                .get();

        sync(
                        graphQl(usersOf(tenant).integration()),
                        input(SOURCE, "adopt", List.of(), List.of(aCompany("C1", "From the CRM")), List.of()))
                .path("syncDeals.companies[0].outcome")
                .entity(String.class)
                .isEqualTo("UPDATED")
                .path("syncDeals.companies[0].id")
                .entity(String.class)
                .isEqualTo(id);

        UUID tenantId = tenantId(tenant);
        assertThat(number("select count(*) from companies where tenant_id = ?", tenantId))
                .isEqualTo(1);
        assertThat(SyncFixtures.texts(
                        "select source || ':' || external_id from company_references where tenant_id = ? order by source",
                        tenantId))
                .containsExactly("dealcloud:C1", "hubspot:h-1");
        assertThat(SyncFixtures.texts("select name from companies where tenant_id = ?", tenantId))
                .containsExactly("From the CRM");
    }

    @Test
    void aRemovedHoldingIsCreatedAgainByTheNextSyncAndAHoldingNeverChangesFund() {
        String tenant = newTenant("sync-removed");
        GraphQlTester integration = graphQl(usersOf(tenant).integration());
        GraphQlTester.Response first = sync(
                integration,
                input(
                        SOURCE,
                        "k1",
                        List.of(aFund("F1", "Fund one"), aFund("F2", "Fund two")),
                        List.of(aCompany("C1", "Acme")),
                        List.of(aHolding("H1", "F1", "C1", "SOURCED"))));
        String holdingId =
                first.path("syncDeals.holdings[0].id").entity(String.class).get();

        sync(integration, input(SOURCE, "k2", List.of(), List.of(), List.of(aHolding("H1", "F2", "C1", "SOURCED"))))
                .path("syncDeals.holdings[0].outcome")
                .entity(String.class)
                .isEqualTo("FAILED")
                .path("syncDeals.holdings[0].userErrors[0].field")
                .entityList(String.class)
                .containsExactly("fundExternalId");
        graphQl(usersOf(tenant).tenantAdmin())
                .documentName("removeHolding")
                .variable("input", Map.of("id", holdingId, "expectedVersion", 0))
                .execute()
                .path("removeHolding.userErrors")
                .entityList(Object.class)
                .hasSize(0);

        GraphQlTester.Response again = sync(
                integration, input(SOURCE, "k3", List.of(), List.of(), List.of(aHolding("H1", "F1", "C1", "SOURCED"))));

        again.path("syncDeals.holdings[0].outcome").entity(String.class).isEqualTo("CREATED");
        assertThat(again.path("syncDeals.holdings[0].id").entity(String.class).get())
                .isNotEqualTo(holdingId);
        assertThat(number("select count(*) from holdings where tenant_id = ?", tenantId(tenant)))
                .isEqualTo(1);
    }

    /**
     * Items are checked against what the call itself has done so far, not only against the database:
     * a second deal putting the same company into the same fund fails, and a deal may name a fund and
     * a company that the same call created or updated.
     */
    @Test
    void twoDealsOfOneCallNeverPutACompanyIntoAFundTwice() {
        String tenant = newTenant("sync-twice");
        GraphQlTester integration = graphQl(usersOf(tenant).integration());
        sync(integration, input(SOURCE, "k1", List.of(), List.of(aCompany("C0", "Known before")), List.of()));

        GraphQlTester.Response response = sync(
                integration,
                input(
                        SOURCE,
                        "k2",
                        List.of(aFund("F1", "Fund one")),
                        List.of(aCompany("C0", "Renamed now"), aCompany("C1", "Acme")),
                        List.of(
                                aHolding("H1", "F1", "C1", "SOURCED"),
                                aHolding("H2", "F1", "C1", "SOURCED"),
                                aHolding("H3", "F1", "C0", "SOURCED"))));

        response.path("syncDeals.companies[0].outcome")
                .entity(String.class)
                .isEqualTo("UPDATED")
                .path("syncDeals.holdings[0].outcome")
                .entity(String.class)
                .isEqualTo("CREATED")
                .path("syncDeals.holdings[1].outcome")
                .entity(String.class)
                .isEqualTo("FAILED")
                .path("syncDeals.holdings[1].userErrors[0].code")
                .entity(String.class)
                .isEqualTo("ALREADY_EXISTS")
                .path("syncDeals.holdings[2].outcome")
                .entity(String.class)
                .isEqualTo("CREATED");
        UUID tenantId = tenantId(tenant);
        assertThat(number("select count(*) from holdings where tenant_id = ?", tenantId))
                .isEqualTo(2);
        assertThat(number(
                        "select count(*) from sync_references where tenant_id = ? and entity_type = 'HOLDING'",
                        tenantId))
                .isEqualTo(2);
        assertThat(number(
                        "select count(*) from audit_events where tenant_id = ? and entity_type = 'Holding'", tenantId))
                .isEqualTo(2);
    }
}
