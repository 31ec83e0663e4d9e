package dev.diligence.api.sync;

import static dev.diligence.api.sync.SyncFixtures.aCompany;
import static dev.diligence.api.sync.SyncFixtures.aFund;
import static dev.diligence.api.sync.SyncFixtures.aHolding;
import static dev.diligence.api.sync.SyncFixtures.execute;
import static dev.diligence.api.sync.SyncFixtures.input;
import static dev.diligence.api.sync.SyncFixtures.number;
import static dev.diligence.api.sync.SyncFixtures.sync;
import static dev.diligence.api.sync.SyncFixtures.tenantId;
import static dev.diligence.api.sync.SyncFixtures.texts;
import static dev.diligence.api.sync.SyncFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** syncDeals: outcomes per item, independent failures, idempotency, tenant isolation and the audit trail. */
class SyncDealsIT extends ApiIntegrationTest {

    private static final String SOURCE = "dealcloud";

    @Test
    void createsThenUpdatesOrLeavesUnchangedAndAuditsWithTheSource() {
        String tenant = newTenant("sync-upsert");
        UUID tenantId = tenantId(tenant);
        GraphQlTester integration = graphQl(usersOf(tenant).integration());
        Map<String, Object> fund = aFund("F1", "Fund one");
        Map<String, Object> company = aCompany("C1", "Acme Health");
        Map<String, Object> holding = aHolding("H1", "F1", "C1", "SOURCED");

        GraphQlTester.Response first =
                sync(integration, input(SOURCE, "k1", List.of(fund), List.of(company), List.of(holding)));

        first.path("syncDeals.replayed")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("syncDeals.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("syncDeals.funds[*].outcome")
                .entityList(String.class)
                .containsExactly("CREATED")
                .path("syncDeals.companies[*].outcome")
                .entityList(String.class)
                .containsExactly("CREATED")
                .path("syncDeals.holdings[*].outcome")
                .entityList(String.class)
                .containsExactly("CREATED")
                .path("syncDeals.summary.created")
                .entity(Integer.class)
                .isEqualTo(3);
        List<String> ids = List.of(
                first.path("syncDeals.funds[0].id").entity(String.class).get(),
                first.path("syncDeals.companies[0].id").entity(String.class).get(),
                first.path("syncDeals.holdings[0].id").entity(String.class).get());
        assertThat(texts(
                        "select c.name from companies c join company_references r on r.tenant_id = c.tenant_id and r.company_id = c.id"
                                + " where c.tenant_id = ? and r.source = ? and r.external_id = 'C1'",
                        tenantId,
                        SOURCE))
                .containsExactly("Acme Health");

        GraphQlTester.Response second = sync(
                integration,
                input(
                        SOURCE,
                        "k2",
                        List.of(with(with(fund, "name", "Fund one renamed"), "targetSize", null)),
                        List.of(company),
                        List.of(with(holding, "dealStage", "DILIGENCE"))));

        second.path("syncDeals.funds[*].outcome")
                .entityList(String.class)
                .containsExactly("UPDATED")
                .path("syncDeals.companies[*].outcome")
                .entityList(String.class)
                .containsExactly("UNCHANGED")
                .path("syncDeals.holdings[*].outcome")
                .entityList(String.class)
                .containsExactly("UPDATED")
                .path("syncDeals.summary.updated")
                .entity(Integer.class)
                .isEqualTo(2)
                .path("syncDeals.summary.unchanged")
                .entity(Integer.class)
                .isEqualTo(1)
                .path("syncDeals.funds[0].id")
                .entity(String.class)
                .isEqualTo(ids.get(0))
                .path("syncDeals.companies[0].id")
                .entity(String.class)
                .isEqualTo(ids.get(1))
                .path("syncDeals.holdings[0].id")
                .entity(String.class)
                .isEqualTo(ids.get(2));
        assertThat(number("select count(*) from funds where tenant_id = ?", tenantId))
                .isEqualTo(1);
        assertThat(number("select count(*) from companies where tenant_id = ?", tenantId))
                .isEqualTo(1);
        assertThat(number("select count(*) from holdings where tenant_id = ?", tenantId))
                .isEqualTo(1);
        assertThat(texts(
                        "select name || '/' || version || '/' || coalesce(target_size::text, 'none') from funds where tenant_id = ?",
                        tenantId))
                .containsExactly("Fund one renamed/1/none");
        assertThat(number("select version from companies where tenant_id = ?", tenantId))
                .isZero();
        assertThat(texts("select deal_stage || '/' || version from holdings where tenant_id = ?", tenantId))
                .containsExactly("DILIGENCE/1");
        assertThat(texts(
                        "select entity_type || '/' || (before is null) || '/' || (after ->> 'syncSource') || '/' || (after ->> 'syncExternalId')"
                                + " from audit_events where tenant_id = ? and action = 'syncDeals' order by occurred_at, entity_type",
                        tenantId))
                .containsExactlyInAnyOrder(
                        "Fund/true/dealcloud/F1",
                        "Company/true/dealcloud/C1",
                        "Holding/true/dealcloud/H1",
                        "Fund/false/dealcloud/F1",
                        "Holding/false/dealcloud/H1");
    }

    @Test
    void aFailedItemWritesNothingAndNeverBlocksTheOthers() {
        String tenant = newTenant("sync-fail");
        UUID tenantId = tenantId(tenant);
        GraphQlTester integration = graphQl(usersOf(tenant).integration());
        graphQl(usersOf(tenant).tenantAdmin())
                .documentName("createFund")
                .variable(
                        "input",
                        Map.of("name", "Taken fund", "vintageYear", 2020, "strategy", "BUYOUT", "currency", "USD"))
                .execute()
                .path("createFund.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        sync(
                integration,
                input(
                        SOURCE,
                        "setup",
                        List.of(aFund("F1", "Fund one")),
                        List.of(aCompany("C1", "Acme")),
                        List.of(aHolding("H1", "F1", "C1", "INVESTED"))));

        GraphQlTester.Response response = sync(
                integration,
                input(
                        SOURCE,
                        "mixed",
                        List.of(
                                aFund("F-taken", "taken FUND"),
                                with(aFund("F-bad", "Bad vintage"), "vintageYear", 1900),
                                aFund("F2", "Fund two"),
                                aFund("F2", "Fund two again")),
                        List.of(with(aCompany("C-bad", "Bad website"), "website", "not a url"), aCompany("C2", "Beta")),
                        List.of(
                                aHolding("H-unknown", "F-missing", "C-missing", "SOURCED"),
                                        aHolding("H-failed-fund", "F-taken", "C2", "SOURCED"),
                                aHolding("H1", "F1", "C1", "SOURCED"), aHolding("H2", "F2", "C2", "DILIGENCE"))));

        response.path("syncDeals.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("syncDeals.funds[*].outcome")
                .entityList(String.class)
                .containsExactly("FAILED", "FAILED", "CREATED", "FAILED")
                .path("syncDeals.funds[0].userErrors[0].code")
                .entity(String.class)
                .isEqualTo("ALREADY_EXISTS")
                .path("syncDeals.funds[0].userErrors[0].field")
                .entityList(String.class)
                .containsExactly("name")
                .path("syncDeals.funds[0].id")
                .valueIsNull()
                .path("syncDeals.funds[1].userErrors[0].code")
                .entity(String.class)
                .isEqualTo("OUT_OF_RANGE")
                .path("syncDeals.funds[1].userErrors[0].field")
                .entityList(String.class)
                .containsExactly("vintageYear")
                .path("syncDeals.funds[3].userErrors[0].field")
                .entityList(String.class)
                .containsExactly("externalId")
                .path("syncDeals.companies[*].outcome")
                .entityList(String.class)
                .containsExactly("FAILED", "CREATED")
                .path("syncDeals.companies[0].userErrors[0].field")
                .entityList(String.class)
                .containsExactly("website")
                .path("syncDeals.holdings[*].outcome")
                .entityList(String.class)
                .containsExactly("FAILED", "FAILED", "FAILED", "CREATED")
                .path("syncDeals.holdings[0].userErrors[*].field")
                .entityList(Object.class)
                .containsExactly(List.of("fundExternalId"), List.of("companyExternalId"))
                .path("syncDeals.holdings[0].userErrors[*].code")
                .entityList(String.class)
                .containsExactly("NOT_FOUND", "NOT_FOUND")
                .path("syncDeals.holdings[1].userErrors[*].field")
                .entityList(Object.class)
                .containsExactly(List.of("fundExternalId"))
                .path("syncDeals.holdings[2].userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE")
                .path("syncDeals.holdings[2].userErrors[0].field")
                .entityList(String.class)
                .containsExactly("dealStage")
                .path("syncDeals.summary.created")
                .entity(Integer.class)
                .isEqualTo(3)
                .path("syncDeals.summary.failed")
                .entity(Integer.class)
                .isEqualTo(7);
        assertThat(texts("select name from funds where tenant_id = ? order by name", tenantId))
                .containsExactly("Fund one", "Fund two", "Taken fund");
        assertThat(texts("select name from companies where tenant_id = ? order by name", tenantId))
                .containsExactly("Acme", "Beta");
        assertThat(texts(
                        "select deal_stage || '/' || version from holdings h join sync_references r on r.tenant_id = h.tenant_id"
                                + " and r.holding_id = h.id where h.tenant_id = ? order by r.external_id",
                        tenantId))
                .containsExactly("INVESTED/0", "DILIGENCE/0");
        assertThat(texts(
                        "select external_id from sync_references where tenant_id = ? order by entity_type, external_id",
                        tenantId))
                .containsExactly("F1", "F2", "H1", "H2");
    }

    @Test
    void aReplayReturnsTheStoredResultAndAppliesNothing() {
        String tenant = newTenant("sync-replay");
        UUID tenantId = tenantId(tenant);
        GraphQlTester integration = graphQl(usersOf(tenant).integration());
        Map<String, Object> payload = input(
                SOURCE,
                "replay-key",
                List.of(aFund("F1", "Replayed fund")),
                List.of(aCompany("C1", "Replayed company")),
                List.of(aHolding("H1", "F1", "C1", "SOURCED")));
        GraphQlTester.Response first = sync(integration, payload);
        String fundId = first.path("syncDeals.funds[0].id").entity(String.class).get();
        // changed by hand since: a replay must not undo it
        execute("update funds set name = 'Renamed by hand', version = version + 1 where tenant_id = ?", tenantId);

        GraphQlTester.Response replay = sync(integration, payload);

        replay.path("syncDeals.replayed")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("syncDeals.funds[*].outcome")
                .entityList(String.class)
                .containsExactly("CREATED")
                .path("syncDeals.companies[*].outcome")
                .entityList(String.class)
                .containsExactly("CREATED")
                .path("syncDeals.holdings[*].outcome")
                .entityList(String.class)
                .containsExactly("CREATED")
                .path("syncDeals.funds[0].id")
                .entity(String.class)
                .isEqualTo(fundId)
                .path("syncDeals.summary.created")
                .entity(Integer.class)
                .isEqualTo(3);
        assertThat(texts("select name || '/' || version from funds where tenant_id = ?", tenantId))
                .containsExactly("Renamed by hand/1");
        assertThat(number("select count(*) from audit_events where tenant_id = ? and action = 'syncDeals'", tenantId))
                .isEqualTo(3);
        assertThat(number("select count(*) from companies where tenant_id = ?", tenantId))
                .isEqualTo(1);
        assertThat(number("select count(*) from sync_requests where tenant_id = ?", tenantId))
                .isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherPayloadIsRefusedAndAppliesNothing() {
        String tenant = newTenant("sync-reuse");
        UUID tenantId = tenantId(tenant);
        GraphQlTester integration = graphQl(usersOf(tenant).integration());
        sync(integration, input(SOURCE, "reused", List.of(aFund("F1", "First fund")), List.of(), List.of()));

        GraphQlTester.Response response = sync(
                integration,
                input(
                        SOURCE,
                        "reused",
                        List.of(aFund("F1", "Other name"), aFund("F2", "Second fund")),
                        List.of(),
                        List.of()));

        response.path("syncDeals.replayed")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("syncDeals.userErrors[*].code")
                .entityList(String.class)
                .containsExactly("IDEMPOTENCY_KEY_REUSED")
                .path("syncDeals.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("idempotencyKey")
                .path("syncDeals.funds")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(texts("select name from funds where tenant_id = ?", tenantId))
                .containsExactly("First fund");
    }

    @Test
    void aKeyInFlightGetsTheRetryableErrorAndAppliesNothing() throws Exception {
        String tenant = newTenant("sync-flight");
        UUID tenantId = tenantId(tenant);
        GraphQlTester integration = graphQl(usersOf(tenant).integration());
        Map<String, Object> payload =
                input(SOURCE, "in-flight", List.of(aFund("F1", "Busy fund")), List.of(), List.of());
        String lock = "hashtextextended('sync-key:' || ? || ':' || ?, 0)";
        try (Connection app = DB.connectAsApp()) {
            try (PreparedStatement hold = app.prepareStatement("select pg_advisory_lock(" + lock + ")")) {
                hold.setString(1, tenantId.toString());
                hold.setString(2, "in-flight");
                hold.execute();
            }

            sync(integration, payload)
                    .path("syncDeals.userErrors[*].code")
                    .entityList(String.class)
                    .containsExactly("IDEMPOTENCY_KEY_IN_FLIGHT")
                    .path("syncDeals.funds")
                    .entityList(Object.class)
                    .hasSize(0);
            assertThat(number("select count(*) from funds where tenant_id = ?", tenantId))
                    .isZero();
            assertThat(number("select count(*) from sync_requests where tenant_id = ?", tenantId))
                    .isZero();

            try (PreparedStatement release = app.prepareStatement("select pg_advisory_unlock(" + lock + ")")) {
                release.setString(1, tenantId.toString());
                release.setString(2, "in-flight");
                release.execute();
            }
        }

        sync(integration, payload)
                .path("syncDeals.funds[*].outcome")
                .entityList(String.class)
                .containsExactly("CREATED");
    }

    @Test
    void theSameKeyAndExternalIdsInTwoFirmsAreIndependent() {
        String firmA = newTenant("sync-iso-a");
        String firmB = newTenant("sync-iso-b");
        Map<String, Object> payload = input(
                SOURCE,
                "shared-key",
                List.of(aFund("F1", "Shared fund")),
                List.of(aCompany("C1", "Shared co")),
                List.of(aHolding("H1", "F1", "C1", "SOURCED")));

        GraphQlTester.Response inA = sync(graphQl(usersOf(firmA).integration()), payload);
        GraphQlTester.Response inB = sync(graphQl(usersOf(firmB).integration()), payload);

        inA.path("syncDeals.replayed")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("syncDeals.summary.created")
                .entity(Integer.class)
                .isEqualTo(3);
        inB.path("syncDeals.replayed")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("syncDeals.summary.created")
                .entity(Integer.class)
                .isEqualTo(3);
        for (String list : List.of("funds", "companies", "holdings")) {
            String idInA = inA.path("syncDeals." + list + "[0].id")
                    .entity(String.class)
                    .get();
            String idInB = inB.path("syncDeals." + list + "[0].id")
                    .entity(String.class)
                    .get();
            assertThat(idInA).as(list).isNotEqualTo(idInB);
        }
        sync(graphQl(usersOf(firmA).integration()), with(payload, "idempotencyKey", "second"))
                .path("syncDeals.summary.unchanged")
                .entity(Integer.class)
                .isEqualTo(3)
                .path("syncDeals.funds[0].id")
                .entity(String.class)
                .isEqualTo(
                        inA.path("syncDeals.funds[0].id").entity(String.class).get());
        assertThat(number("select count(*) from funds where tenant_id = ?", tenantId(firmA)))
                .isEqualTo(1);
        assertThat(number("select count(*) from funds where tenant_id = ?", tenantId(firmB)))
                .isEqualTo(1);
    }

    @Test
    void refusesABadSourceOrKeyOrTooManyItemsAsAWhole() {
        String tenant = newTenant("sync-refuse");
        UUID tenantId = tenantId(tenant);
        GraphQlTester integration = graphQl(usersOf(tenant).integration());
        List<Map<String, Object>> funds = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> aFund("F" + i, "Fund " + i))
                .toList();
        List<Map<String, Object>> companies = java.util.stream.IntStream.range(0, 301)
                .mapToObj(i -> aCompany("C" + i, "Co " + i))
                .toList();

        sync(integration, input(SOURCE, "too-many", funds, companies, List.of()))
                .path("syncDeals.userErrors[*].code")
                .entityList(String.class)
                .containsExactly("OUT_OF_RANGE")
                .path("syncDeals.summary.created")
                .entity(Integer.class)
                .isEqualTo(0);
        sync(integration, input("bad source!", " ", funds.subList(0, 1), List.of(), List.of()))
                .path("syncDeals.userErrors[*].code")
                .entityList(String.class)
                .containsExactly("INVALID", "REQUIRED")
                .path("syncDeals.userErrors[*].field")
                .entityList(Object.class)
                .containsExactly(List.of("source"), List.of("idempotencyKey"));
        assertThat(number("select count(*) from funds where tenant_id = ?", tenantId))
                .isZero();
        assertThat(number("select count(*) from sync_requests where tenant_id = ?", tenantId))
                .isZero();
    }
}
