package dev.diligence.api.audit;

import static dev.diligence.api.audit.AuditFixtures.createFund;
import static dev.diligence.api.audit.AuditFixtures.eventsOf;
import static dev.diligence.api.audit.AuditFixtures.insertEvent;
import static dev.diligence.api.audit.AuditFixtures.renameFund;
import static dev.diligence.api.audit.AuditFixtures.tenantAdminToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.persistence.testing.TenantRows;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Every successful mutation leaves exactly one audit event, written in its own transaction: who,
 * what, on which object, before and after, when, in which request. Failed mutations leave none.
 * Tenant admins read the trail newest first, filtered by object and time. Every test has a firm
 * of its own, so that its trail holds only what the test did.
 */
class AuditTrailIT extends ApiIntegrationTest {

    private static final String EVENT = "auditEvents.edges[0].node";
    private static final Instant DAY_1 = Instant.parse("2020-01-01T00:00:00Z");

    private String tenant;
    private String subject;
    private String token;
    private GraphQlTester admin;
    private String name;

    @BeforeEach
    void anAdminOfAFreshFirm() {
        tenant = newTenant("audit");
        subject = "admin-" + UUID.randomUUID();
        token = tenantAdminToken(ISSUER, subject, tenant, "Ada Auditor", "ada@" + tenant + ".example");
        admin = graphQl(token);
        name = "Audited Fund " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createFundRecordsOneEventWithTheNewFundTheActorAndTheRequestId() {
        String fundId = createFund(withRequestId("create-fund-1"), name);

        eventsOf(admin, fundId)
                .path("auditEvents.totalCount")
                .entity(Integer.class)
                .isEqualTo(1)
                .path(EVENT + ".action")
                .entity(String.class)
                .isEqualTo("createFund")
                .path(EVENT + ".actor.subject")
                .entity(String.class)
                .isEqualTo(subject)
                .path(EVENT + ".entityType")
                .entity(String.class)
                .isEqualTo("Fund")
                .path(EVENT + ".entityId")
                .entity(String.class)
                .isEqualTo(fundId)
                .path(EVENT + ".before")
                .valueIsNull()
                .path(EVENT + ".after.id")
                .entity(String.class)
                .isEqualTo(fundId)
                .path(EVENT + ".after.name")
                .entity(String.class)
                .isEqualTo(name)
                .path(EVENT + ".after.status")
                .entity(String.class)
                .isEqualTo("ACTIVE")
                .path(EVENT + ".after.version")
                .entity(Long.class)
                .isEqualTo(0L)
                .path(EVENT + ".after.targetSize")
                .entity(BigDecimal.class)
                .satisfies(size -> assertThat(size).isEqualByComparingTo("500000000"))
                .path(EVENT + ".requestId")
                .entity(String.class)
                .isEqualTo("create-fund-1")
                .path(EVENT + ".occurredAt")
                .hasValue();
    }

    @Test
    void theActorShowsTheNameAndEmailClaimsOfTheToken() {
        String fundId = createFund(admin, name);

        eventsOf(admin, fundId)
                .path(EVENT + ".actor.subject")
                .entity(String.class)
                .isEqualTo(subject)
                .path(EVENT + ".actor.name")
                .entity(String.class)
                .isEqualTo("Ada Auditor")
                .path(EVENT + ".actor.email")
                .entity(String.class)
                .isEqualTo("ada@" + tenant + ".example");
    }

    @Test
    void updateFundRecordsTheFundBeforeAndAfterTheChange() {
        String fundId = createFund(admin, name);

        renameFund(withRequestId("rename-1"), fundId, 0, name + " renamed");

        eventsOf(admin, fundId)
                .path("auditEvents.totalCount")
                .entity(Integer.class)
                .isEqualTo(2)
                .path(EVENT + ".action")
                .entity(String.class)
                .isEqualTo("updateFund")
                .path(EVENT + ".entityId")
                .entity(String.class)
                .isEqualTo(fundId)
                .path(EVENT + ".before.name")
                .entity(String.class)
                .isEqualTo(name)
                .path(EVENT + ".before.version")
                .entity(Long.class)
                .isEqualTo(0L)
                .path(EVENT + ".after.name")
                .entity(String.class)
                .isEqualTo(name + " renamed")
                .path(EVENT + ".after.version")
                .entity(Long.class)
                .isEqualTo(1L)
                .path(EVENT + ".requestId")
                .entity(String.class)
                .isEqualTo("rename-1")
                .path("auditEvents.edges[1].node.action")
                .entity(String.class)
                .isEqualTo("createFund");
    }

    @Test
    void archiveFundRecordsTheStatusBeforeAndAfter() {
        String fundId = createFund(admin, name);

        withRequestId("archive-1")
                .documentName("archiveFund")
                .variable("input", Map.of("id", fundId, "expectedVersion", 0))
                .execute()
                .path("archiveFund.userErrors")
                .entityList(Object.class)
                .hasSize(0);

        eventsOf(admin, fundId)
                .path("auditEvents.totalCount")
                .entity(Integer.class)
                .isEqualTo(2)
                .path(EVENT + ".action")
                .entity(String.class)
                .isEqualTo("archiveFund")
                .path(EVENT + ".actor.subject")
                .entity(String.class)
                .isEqualTo(subject)
                .path(EVENT + ".before.status")
                .entity(String.class)
                .isEqualTo("ACTIVE")
                .path(EVENT + ".after.status")
                .entity(String.class)
                .isEqualTo("ARCHIVED")
                .path(EVENT + ".after.version")
                .entity(Long.class)
                .isEqualTo(1L)
                .path(EVENT + ".requestId")
                .entity(String.class)
                .isEqualTo("archive-1");
    }

    @Test
    void aMutationThatEndsInUserErrorsRecordsNothing() {
        String fundId = createFund(admin, name);
        renameFund(admin, fundId, 0, name + " v1");
        assertThat(totalCount(null)).isEqualTo(2);

        admin.documentName("createFund")
                .variable(
                        "input",
                        Map.of("name", name + " other", "vintageYear", 2021, "strategy", "BUYOUT", "currency", "NOPE"))
                .execute()
                .path("createFund.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID");
        admin.documentName("createFund")
                .variable(
                        "input",
                        Map.of("name", name + " v1", "vintageYear", 2021, "strategy", "BUYOUT", "currency", "USD"))
                .execute()
                .path("createFund.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("ALREADY_EXISTS");
        admin.documentName("updateFund")
                .variable("input", Map.of("id", fundId, "expectedVersion", 0, "name", "Stale"))
                .execute()
                .path("updateFund.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("STALE_VERSION");
        admin.documentName("archiveFund")
                .variable("input", Map.of("id", GlobalId.encode("Fund", UUID.randomUUID())))
                .execute()
                .path("archiveFund.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");

        assertThat(totalCount(null)).isEqualTo(2);
    }

    @Test
    void createTenantAndArchiveTenantAreRecordedInTheAffectedFirm() throws SQLException {
        String platformSubject = "platform-" + UUID.randomUUID();
        HttpGraphQlTester platform = graphQl(ISSUER.token(platformSubject, null, "platform-admin"));
        String key = TenantRows.uniqueKey("audited");

        String tenantId = platform.mutate()
                .header("X-Request-Id", "create-tenant-1")
                .build()
                .documentName("createTenant")
                .variable("input", Map.of("key", key, "name", "Audited Capital"))
                .execute()
                .path("createTenant.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("createTenant.tenant.id")
                .entity(String.class)
                .get();

        GraphQlTester adminOfNewFirm =
                graphQl(tenantAdminToken(ISSUER, "admin-" + UUID.randomUUID(), key, "New Admin", "new@example.com"));
        adminOfNewFirm
                .documentName("auditEvents")
                .execute()
                .path("auditEvents.totalCount")
                .entity(Integer.class)
                .isEqualTo(1)
                .path(EVENT + ".action")
                .entity(String.class)
                .isEqualTo("createTenant")
                .path(EVENT + ".entityType")
                .entity(String.class)
                .isEqualTo("Tenant")
                .path(EVENT + ".entityId")
                .entity(String.class)
                .isEqualTo(tenantId)
                .path(EVENT + ".actor.subject")
                .entity(String.class)
                .isEqualTo(platformSubject)
                // a platform admin is no person of the firm: shown by subject
                .path(EVENT + ".actor.name")
                .entity(String.class)
                .isEqualTo(platformSubject)
                .path(EVENT + ".actor.email")
                .valueIsNull()
                .path(EVENT + ".before")
                .valueIsNull()
                .path(EVENT + ".after.key")
                .entity(String.class)
                .isEqualTo(key)
                .path(EVENT + ".after.status")
                .entity(String.class)
                .isEqualTo("ACTIVE")
                .path(EVENT + ".requestId")
                .entity(String.class)
                .isEqualTo("create-tenant-1");

        platform.mutate()
                .header("X-Request-Id", "archive-tenant-1")
                .build()
                .documentName("archiveTenant")
                .variable("input", Map.of("key", key))
                .execute()
                .path("archiveTenant.userErrors")
                .entityList(Object.class)
                .hasSize(0);

        // the firm's own tokens are rejected once it is archived: read its trail behind the application's back
        assertThat(trailInDatabase(key))
                .containsExactly(
                        List.of("createTenant", platformSubject, "Tenant", tenantId, "", "ACTIVE", "create-tenant-1"),
                        List.of(
                                "archiveTenant",
                                platformSubject,
                                "Tenant",
                                tenantId,
                                "ACTIVE",
                                "ARCHIVED",
                                "archive-tenant-1"));
    }

    @Test
    void listsNewestFirst() {
        String older = createFund(admin, name + " older");
        String newer = createFund(admin, name + " newer");

        admin.documentName("auditEvents")
                .execute()
                .path("auditEvents.edges[*].node.entityId")
                .entityList(String.class)
                .containsExactly(newer, older);
    }

    @Test
    void pagesForwardsAndBackwardsNewestFirst() throws SQLException {
        arrangeFiveDays();

        GraphQlTester.Response first = page("first", 2, null, null);
        first.path("auditEvents.edges[*].node.action")
                .entityList(String.class)
                .containsExactly("day 5", "day 4")
                .path("auditEvents.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("auditEvents.pageInfo.hasPreviousPage")
                .entity(Boolean.class)
                .isEqualTo(false)
                .path("auditEvents.totalCount")
                .entity(Integer.class)
                .isEqualTo(5);
        GraphQlTester.Response second = page("first", 2, "after", endCursor(first));
        second.path("auditEvents.edges[*].node.action").entityList(String.class).containsExactly("day 3", "day 2");
        page("first", 2, "after", endCursor(second))
                .path("auditEvents.edges[*].node.action")
                .entityList(String.class)
                .containsExactly("day 1")
                .path("auditEvents.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(false);

        GraphQlTester.Response last = page("last", 2, null, null);
        last.path("auditEvents.edges[*].node.action")
                .entityList(String.class)
                .containsExactly("day 2", "day 1")
                .path("auditEvents.pageInfo.hasPreviousPage")
                .entity(Boolean.class)
                .isEqualTo(true);
        String startOfLast = last.path("auditEvents.pageInfo.startCursor")
                .entity(String.class)
                .get();
        page("last", 2, "before", startOfLast)
                .path("auditEvents.edges[*].node.action")
                .entityList(String.class)
                .containsExactly("day 4", "day 3");
    }

    @Test
    void filtersByEntity() {
        String fundA = createFund(admin, name + " A");
        String fundB = createFund(admin, name + " B");
        renameFund(admin, fundA, 0, name + " A2");

        eventsOf(admin, fundA)
                .path("auditEvents.edges[*].node.action")
                .entityList(String.class)
                .containsExactly("updateFund", "createFund")
                .path("auditEvents.edges[*].node.entityId")
                .entityList(String.class)
                .containsExactly(fundA, fundA)
                .path("auditEvents.totalCount")
                .entity(Integer.class)
                .isEqualTo(2);
        eventsOf(admin, fundB)
                .path("auditEvents.edges[*].node.entityId")
                .entityList(String.class)
                .containsExactly(fundB);
        assertThat(totalCount(Map.of("entityType", "Fund"))).isEqualTo(3);
        assertThat(totalCount(Map.of("entityType", "Tenant"))).isZero();
        assertThat(totalCount(Map.of("entityType", "Tenant", "entityId", fundA)))
                .as("ID of another type")
                .isZero();
    }

    @Test
    void aMalformedEntityIdMatchesNothing() {
        createFund(admin, name);

        for (String id : List.of("not-an-id", "", "RnVuZDpub3QtYS11dWlk")) {
            admin.documentName("auditEvents")
                    .variable("filter", Map.of("entityId", id))
                    .execute()
                    .path("auditEvents.edges")
                    .entityList(Object.class)
                    .hasSize(0)
                    .path("auditEvents.totalCount")
                    .entity(Integer.class)
                    .isEqualTo(0);
        }
    }

    @Test
    void filtersByTimeFromInclusiveToExclusive() throws SQLException {
        arrangeFiveDays();

        assertThat(actions(Map.of("from", day(2)))).containsExactly("day 5", "day 4", "day 3", "day 2");
        assertThat(actions(Map.of("to", day(4)))).containsExactly("day 3", "day 2", "day 1");
        assertThat(actions(Map.of("from", day(2), "to", day(4)))).containsExactly("day 3", "day 2");
        assertThat(actions(Map.of("from", day(4), "to", day(4)))).isEmpty();
        assertThat(totalCount(Map.of("from", day(2), "to", day(4)))).isEqualTo(2);
    }

    private HttpGraphQlTester withRequestId(String requestId) {
        return graphQl(token).mutate().header("X-Request-Id", requestId).build();
    }

    private void arrangeFiveDays() throws SQLException {
        try (Connection db = DB.connectAsAdmin()) {
            for (int day = 1; day <= 5; day++) {
                insertEvent(db, tenant, "day " + day, DAY_1.plusSeconds(86_400L * (day - 1)));
            }
        }
    }

    private static String day(int day) {
        return DAY_1.plusSeconds(86_400L * (day - 1)).toString();
    }

    private GraphQlTester.Response page(String countName, int count, String cursorName, String cursor) {
        GraphQlTester.Request<?> request = admin.documentName("auditEvents").variable(countName, count);
        if (cursorName != null) {
            request = request.variable(cursorName, cursor);
        }
        return request.execute();
    }

    private static String endCursor(GraphQlTester.Response response) {
        return response.path("auditEvents.pageInfo.endCursor")
                .entity(String.class)
                .get();
    }

    private List<String> actions(Map<String, Object> filter) {
        return admin.documentName("auditEvents")
                .variable("filter", filter)
                .execute()
                .path("auditEvents.edges[*].node.action")
                .entityList(String.class)
                .get();
    }

    private long totalCount(Map<String, Object> filter) {
        return admin.documentName("auditEvents")
                .variable("first", 0)
                .variable("filter", filter)
                .execute()
                .path("auditEvents.totalCount")
                .entity(Long.class)
                .get();
    }

    /** The trail of a firm, oldest first: action, actor, type, global entity ID, status before and after, request ID. */
    private static List<List<String>> trailInDatabase(String tenantKey) throws SQLException {
        List<List<String>> events = new ArrayList<>();
        try (Connection db = DB.connectAsAdmin();
                PreparedStatement query = db.prepareStatement("""
                        select e.action, e.actor, e.entity_type, e.entity_id, coalesce(e.before ->> 'status', ''),
                               e.after ->> 'status', e.request_id
                        from audit_events e join tenants t on t.id = e.tenant_id
                        where t.key = ? order by e.occurred_at""")) {
            query.setString(1, tenantKey);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(List.of(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            GlobalId.encode(rows.getString(3), rows.getObject(4, UUID.class)),
                            rows.getString(5),
                            rows.getString(6),
                            rows.getString(7)));
                }
            }
        }
        return events;
    }
}
