package dev.diligence.api.sync;

import static dev.diligence.api.sync.SyncFixtures.aCompany;
import static dev.diligence.api.sync.SyncFixtures.aFund;
import static dev.diligence.api.sync.SyncFixtures.aHolding;
import static dev.diligence.api.sync.SyncFixtures.input;
import static dev.diligence.api.sync.SyncFixtures.sync;
import static dev.diligence.api.sync.SyncFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.StatementCounter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A sync batch takes the same number of SQL statements whatever its number of deals, when it creates
 * them and when it changes them: no statement per company, fund or holding.
 */
class SyncStatementCountIT extends ApiIntegrationTest {

    private static final String SOURCE = "crm";

    @Autowired
    private StatementCounter counter;

    @Test
    void aBatchTakesTheSameStatementsWhateverItsSize() {
        Map<Integer, List<Long>> statements = new LinkedHashMap<>();
        for (int deals : new int[] {2, 8}) {
            GraphQlTester integration =
                    graphQl(usersOf(newTenant("sync-statements-" + deals)).integration());
            statements.put(
                    deals,
                    List.of(
                            statementsOf(integration, batch(deals, "Company"), "created-" + deals),
                            statementsOf(integration, batch(deals, "Renamed"), "changed-" + deals)));
        }
        System.out.println("Statements per sync batch (created, changed) by deals: " + statements);
        assertThat(statements.get(8))
                .as("statements of a batch of 8 deals against one of 2: %s", statements)
                .isEqualTo(statements.get(2));
    }

    private long statementsOf(GraphQlTester integration, Map<String, Object> batch, String key) {
        Map<String, Object> keyed = new LinkedHashMap<>(batch);
        keyed.put("idempotencyKey", key);
        long before = counter.count();
        sync(integration, keyed)
                .path("syncDeals.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        return counter.count() - before;
    }

    /** One fund and {@code deals} companies, each held by the fund, the companies named {@code name} and their number. */
    private static Map<String, Object> batch(int deals, String name) {
        List<Map<String, Object>> companies = new ArrayList<>();
        List<Map<String, Object>> holdings = new ArrayList<>();
        for (int d = 1; d <= deals; d++) {
            companies.add(with(aCompany("C-" + d, name + " " + d), "employeeCount", 100 + d));
            holdings.add(aHolding("H-" + d, "F-1", "C-" + d, "INVESTED"));
        }
        return input(SOURCE, "unused", List.of(aFund("F-1", "Fund One")), companies, holdings);
    }
}
