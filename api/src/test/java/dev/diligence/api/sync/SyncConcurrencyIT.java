package dev.diligence.api.sync;

import static dev.diligence.api.sync.SyncFixtures.aCompany;
import static dev.diligence.api.sync.SyncFixtures.aFund;
import static dev.diligence.api.sync.SyncFixtures.aHolding;
import static dev.diligence.api.sync.SyncFixtures.input;
import static dev.diligence.api.sync.SyncFixtures.number;
import static dev.diligence.api.sync.SyncFixtures.tenantId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Two syncs of one source with overlapping items, started together from two threads: the source lock
 * serialises them, so every object exists once and the overlapping items are created by exactly one
 * of them and found unchanged by the other.
 */
class SyncConcurrencyIT extends ApiIntegrationTest {

    private static final String SOURCE = "salesforce";

    @Test
    void twoOverlappingSyncsAtOnceCreateEveryObjectOnce() throws Exception {
        String tenant = newTenant("sync-race");
        UUID tenantId = tenantId(tenant);
        Map<String, Object> first = payload("race-a", 0, 30);
        Map<String, Object> second = payload("race-b", 15, 45);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<GraphQlTester.Response> a = threads.submit(() -> call(tenant, first, start));
            Future<GraphQlTester.Response> b = threads.submit(() -> call(tenant, second, start));
            Map<String, String> outcomesA = outcomes(a.get());
            Map<String, String> outcomesB = outcomes(b.get());

            assertThat(outcomesA.values()).doesNotContain("FAILED", "UPDATED");
            assertThat(outcomesB.values()).doesNotContain("FAILED", "UPDATED");
            for (int i = 15; i < 30; i++) {
                for (String kind : List.of("company:C", "holding:H")) {
                    String item = kind + i;
                    assertThat(List.of(outcomesA.get(item), outcomesB.get(item)))
                            .as(item)
                            .containsExactlyInAnyOrder("CREATED", "UNCHANGED");
                }
            }
            assertThat(List.of(outcomesA.get("fund:F1"), outcomesB.get("fund:F1")))
                    .containsExactlyInAnyOrder("CREATED", "UNCHANGED");
            Map<String, String> idsA = ids(a.get());
            Map<String, String> idsB = ids(b.get());
            idsA.forEach((item, id) -> {
                if (idsB.containsKey(item)) {
                    assertThat(idsB.get(item)).as(item).isEqualTo(id);
                }
            });
        } finally {
            threads.shutdownNow();
        }
        assertThat(number("select count(*) from funds where tenant_id = ?", tenantId))
                .isEqualTo(1);
        assertThat(number("select count(*) from companies where tenant_id = ?", tenantId))
                .isEqualTo(45);
        assertThat(number(
                        "select count(*) from company_references where tenant_id = ? and source = ?", tenantId, SOURCE))
                .isEqualTo(45);
        assertThat(number("select count(*) from holdings where tenant_id = ?", tenantId))
                .isEqualTo(45);
        assertThat(number(
                        "select count(*) from sync_references where tenant_id = ? and entity_type = 'HOLDING'",
                        tenantId))
                .isEqualTo(45);
        assertThat(number("select count(*) from sync_requests where tenant_id = ?", tenantId))
                .isEqualTo(2);
    }

    private GraphQlTester.Response call(String tenant, Map<String, Object> payload, CyclicBarrier start)
            throws Exception {
        GraphQlTester tester = graphQl(usersOf(tenant).integration());
        start.await();
        return SyncFixtures.sync(tester, payload);
    }

    private static Map<String, Object> payload(String key, int from, int to) {
        return input(
                SOURCE,
                key,
                List.of(aFund("F1", "Race fund")),
                IntStream.range(from, to)
                        .mapToObj(i -> aCompany("C" + i, "Race company " + i))
                        .toList(),
                IntStream.range(from, to)
                        .mapToObj(i -> aHolding("H" + i, "F1", "C" + i, "SOURCED"))
                        .toList());
    }

    private static Map<String, String> outcomes(GraphQlTester.Response response) {
        return read(response, "outcome");
    }

    private static Map<String, String> ids(GraphQlTester.Response response) {
        return read(response, "id");
    }

    private static Map<String, String> read(GraphQlTester.Response response, String attribute) {
        Map<String, String> out = new HashMap<>();
        for (String list : List.of("funds", "companies", "holdings")) {
            String kind = switch (list) {
                case "funds" -> "fund:";
                case "companies" -> "company:";
                default -> "holding:";
            };
            List<String> externalIds = response.path("syncDeals." + list + "[*].externalId")
                    .entityList(String.class)
                    .get();
            List<String> values = response.path("syncDeals." + list + "[*]." + attribute)
                    .entityList(String.class)
                    .get();
            for (int i = 0; i < externalIds.size(); i++) {
                out.put(kind + externalIds.get(i), values.get(i));
            }
        }
        return out;
    }
}
