package dev.diligence.api.fund;

import static dev.diligence.api.fund.FundFixtures.createFund;
import static dev.diligence.api.fund.FundFixtures.input;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.support.ApiIntegrationTest;
import java.sql.Connection;
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

/**
 * A token of tenant A never reads, counts, pages through or changes tenant B's funds, and gets
 * the same answer for B's IDs as for IDs of nothing at all.
 */
class FundIsolationIT extends ApiIntegrationTest {

    private static String tenantA;
    private static String tenantB;

    private GraphQlTester adminA;
    private GraphQlTester adminB;
    private String fundOfB;

    @BeforeAll
    static void twoTenants() {
        tenantA = newTenant("iso-a");
        tenantB = newTenant("iso-b");
    }

    @BeforeEach
    void fundsInBothTenants() {
        adminA = graphQl(usersOf(tenantA).tenantAdmin());
        adminB = graphQl(usersOf(tenantB).tenantAdmin());
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        createFund(adminA, "Alpha Fund " + suffix);
        fundOfB = createFund(adminB, "Bravo Secret Fund " + suffix);
    }

    @Test
    void listsAndCountsOnlyTheCallersFunds() {
        List<String> namesSeenByA = allFundNames(adminA);
        assertThat(namesSeenByA).isNotEmpty().noneMatch(name -> name.startsWith("Bravo"));
        long countOfA = adminA.documentName("funds")
                .variable("first", 0)
                .execute()
                .path("funds.totalCount")
                .entity(Long.class)
                .get();
        assertThat(countOfA).isEqualTo(namesSeenByA.size()).isEqualTo(fundsInDatabase(tenantA));
    }

    @Test
    void filtersNeverReachAnotherTenant() {
        adminA.documentName("fundNames")
                .variable("filter", Map.of("nameContains", "Bravo Secret"))
                .execute()
                .path("funds.nodes")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void anotherTenantsFundIsNotFoundExactlyLikeANonexistentOne() {
        String nonexistent = GlobalId.encode("Fund", UUID.randomUUID());
        for (String id : List.of(fundOfB, nonexistent)) {
            adminA.documentName("fund")
                    .variable("id", id)
                    .execute()
                    .path("fund")
                    .valueIsNull();
            adminA.documentName("node")
                    .variable("id", id)
                    .execute()
                    .path("node")
                    .valueIsNull();
        }
        adminB.documentName("fund")
                .variable("id", fundOfB)
                .execute()
                .path("fund.id")
                .entity(String.class)
                .isEqualTo(fundOfB);
    }

    @Test
    void anotherTenantsFundCannotBeChangedAndTheAnswerMatchesANonexistentFund() {
        String nonexistent = GlobalId.encode("Fund", UUID.randomUUID());
        Object updateOfB = adminA.documentName("updateFund")
                .variable("input", input("id", fundOfB, "expectedVersion", 0, "name", "Hijacked"))
                .execute()
                .path("updateFund")
                .entity(Object.class)
                .get();
        Object updateOfNothing = adminA.documentName("updateFund")
                .variable("input", input("id", nonexistent, "expectedVersion", 0, "name", "Hijacked"))
                .execute()
                .path("updateFund")
                .entity(Object.class)
                .get();
        assertThat(updateOfB).isEqualTo(updateOfNothing);
        assertThat(updateOfB.toString()).contains("NOT_FOUND");

        Object archiveOfB = adminA.documentName("archiveFund")
                .variable("input", input("id", fundOfB))
                .execute()
                .path("archiveFund")
                .entity(Object.class)
                .get();
        Object archiveOfNothing = adminA.documentName("archiveFund")
                .variable("input", input("id", nonexistent))
                .execute()
                .path("archiveFund")
                .entity(Object.class)
                .get();
        assertThat(archiveOfB).isEqualTo(archiveOfNothing);

        adminB.documentName("fund")
                .variable("id", fundOfB)
                .execute()
                .path("fund.status")
                .entity(String.class)
                .isEqualTo("ACTIVE")
                .path("fund.version")
                .entity(Long.class)
                .isEqualTo(0L)
                .path("fund.name")
                .entity(String.class)
                .satisfies(name -> assertThat(name).startsWith("Bravo"));
    }

    @Test
    void fundNamesAreUniquePerTenantOnly() {
        String nameOfB = adminB.documentName("fund")
                .variable("id", fundOfB)
                .execute()
                .path("fund.name")
                .entity(String.class)
                .get();
        String sameNameInA = createFund(adminA, nameOfB);
        assertThat(sameNameInA).isNotEqualTo(fundOfB);
    }

    /** Every fund name A can page through, 2 at a time, forwards. */
    private static List<String> allFundNames(GraphQlTester tester) {
        List<String> names = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            GraphQlTester.Response page = tester.documentName("fundNames")
                    .variable("first", 2)
                    .variable("after", after)
                    .execute();
            names.addAll(
                    page.path("funds.nodes[*].name").entityList(String.class).get());
            more = page.path("funds.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("funds.pageInfo.endCursor").entity(String.class).get();
        }
        return names;
    }

    private static long fundsInDatabase(String tenantKey) {
        try (Connection admin = DB.connectAsAdmin();
                ResultSet count = admin.createStatement()
                        .executeQuery(
                                "select count(*) from funds f join tenants t on t.id = f.tenant_id where t.key = '"
                                        + tenantKey + "'")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
