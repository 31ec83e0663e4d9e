package dev.diligence.api.sync;

import static dev.diligence.api.sync.SyncFixtures.aCompany;
import static dev.diligence.api.sync.SyncFixtures.input;
import static dev.diligence.api.sync.SyncFixtures.number;
import static dev.diligence.api.sync.SyncFixtures.tenantId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sync of the largest size (500 items) passes the query limits: README "Limits" states its cost
 * (10 + 500 + 20 = 530 with a small answer) and sizes the body limit for it.
 */
class SyncLimitsIT extends ApiIntegrationTest {

    private static final String SMALL_ANSWER =
            "mutation($input: SyncDealsInput!) { syncDeals(input: $input) { replayed userErrors { field code } } }";

    @Test
    void aSyncOf500ItemsIsAdmittedAndReportsItsCost() {
        String tenant = newTenant("sync-500");
        UUID tenantId = tenantId(tenant);
        List<Map<String, Object>> companies = IntStream.range(0, 500)
                .mapToObj(i -> SyncFixtures.with(
                        aCompany("C" + i, "Company number " + i),
                        "description",
                        "A company with a description of usual length, " + "x".repeat(900)))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", SMALL_ANSWER);
        body.put("variables", Map.of("input", input("spreadsheet", "five-hundred", List.of(), companies, List.of())));
        byte[] json = JsonMapper.builder().build().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        assertThat(json.length).as("request body bytes").isBetween(500_000, 2 * 1024 * 1024);

        http().mutate()
                .responseTimeout(Duration.ofSeconds(60))
                .build()
                .post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + usersOf(tenant).integration())
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.errors")
                .doesNotExist()
                .jsonPath("$.data.syncDeals.replayed")
                .isEqualTo(false)
                .jsonPath("$.data.syncDeals.userErrors.length()")
                .isEqualTo(0)
                .jsonPath("$.extensions.cost.requestedQueryCost")
                .isEqualTo(10 + 500 + 20);

        assertThat(number("select count(*) from companies where tenant_id = ?", tenantId))
                .isEqualTo(500);
        assertThat(number("select count(*) from audit_events where tenant_id = ? and action = 'syncDeals'", tenantId))
                .isEqualTo(500);
    }
}
