package dev.diligence.api.audit;

import static dev.diligence.api.audit.AuditFixtures.createFund;
import static dev.diligence.api.audit.AuditFixtures.eventsOf;
import static dev.diligence.api.audit.AuditFixtures.renameFund;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** A tenant admin of firm A never lists, filters to or counts an audit event of firm B. */
class AuditIsolationIT extends ApiIntegrationTest {

    private static String tenantA;
    private static String tenantB;

    private GraphQlTester adminA;
    private GraphQlTester adminB;
    private String fundOfA;
    private String fundOfB;

    @BeforeAll
    static void twoTenants() {
        tenantA = newTenant("audit-iso-a");
        tenantB = newTenant("audit-iso-b");
    }

    @BeforeEach
    void changesInBothFirms() {
        adminA = graphQl(usersOf(tenantA).tenantAdmin());
        adminB = graphQl(usersOf(tenantB).tenantAdmin());
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        fundOfA = createFund(adminA, "Alpha Fund " + suffix);
        fundOfB = createFund(adminB, "Bravo Secret Fund " + suffix);
        renameFund(adminB, fundOfB, 0, "Bravo Secret Fund renamed " + suffix);
    }

    @Test
    void listsOnlyTheCallersEvents() {
        List<String> entitiesSeenByA = allEntityIds(adminA, Map.of());
        assertThat(entitiesSeenByA).contains(fundOfA).doesNotContain(fundOfB);
        assertThat(entitiesSeenByA).hasSize((int) eventsInDatabase(tenantA));
        assertThat(allEntityIds(adminB, Map.of())).contains(fundOfB).doesNotContain(fundOfA);
    }

    @Test
    void filtersNeverReachAnotherFirm() {
        eventsOf(adminA, fundOfB)
                .path("auditEvents.edges")
                .entityList(Object.class)
                .hasSize(0)
                .path("auditEvents.totalCount")
                .entity(Integer.class)
                .isEqualTo(0);
        assertThat(allEntityIds(adminA, Map.of("entityType", "Fund"))).doesNotContain(fundOfB);
        eventsOf(adminB, fundOfB)
                .path("auditEvents.totalCount")
                .entity(Integer.class)
                .isEqualTo(2);
    }

    @Test
    void countsOnlyTheCallersEvents() {
        assertThat(totalCount(adminA, Map.of())).isEqualTo(eventsInDatabase(tenantA));
        assertThat(totalCount(adminA, Map.of("entityType", "Fund"))).isEqualTo(eventsInDatabase(tenantA));
        assertThat(totalCount(adminB, Map.of())).isEqualTo(eventsInDatabase(tenantB));
    }

    @Test
    void aCursorFromAnotherFirmLeadsOnlyToTheCallersEvents() {
        String cursorOfB = adminB.documentName("auditEvents")
                .variable("first", 1)
                .execute()
                .path("auditEvents.pageInfo.endCursor")
                .entity(String.class)
                .get();

        adminA.documentName("auditEvents")
                .variable("first", 100)
                .variable("after", cursorOfB)
                .execute()
                .path("auditEvents.edges[*].node.entityId")
                .entityList(String.class)
                .doesNotContain(fundOfB);
    }

    /** Every entity ID of the events {@code tester} can page through, 2 at a time. */
    private static List<String> allEntityIds(GraphQlTester tester, Map<String, Object> filter) {
        List<String> ids = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            GraphQlTester.Response page = tester.documentName("auditEvents")
                    .variable("first", 2)
                    .variable("after", after)
                    .variable("filter", filter)
                    .execute();
            ids.addAll(page.path("auditEvents.edges[*].node.entityId")
                    .entityList(String.class)
                    .get());
            more = page.path("auditEvents.pageInfo.hasNextPage")
                    .entity(Boolean.class)
                    .get();
            after = page.path("auditEvents.pageInfo.endCursor")
                    .entity(String.class)
                    .get();
        }
        return ids;
    }

    private static long totalCount(GraphQlTester tester, Map<String, Object> filter) {
        return tester.documentName("auditEvents")
                .variable("first", 0)
                .variable("filter", filter)
                .execute()
                .path("auditEvents.totalCount")
                .entity(Long.class)
                .get();
    }

    private static long eventsInDatabase(String tenantKey) {
        try (Connection admin = DB.connectAsAdmin();
                PreparedStatement query = admin.prepareStatement(
                        "select count(*) from audit_events e join tenants t on t.id = e.tenant_id where t.key = ?")) {
            query.setString(1, tenantKey);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
