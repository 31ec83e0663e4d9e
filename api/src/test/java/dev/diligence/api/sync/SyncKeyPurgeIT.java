package dev.diligence.api.sync;

import static dev.diligence.api.sync.SyncFixtures.aFund;
import static dev.diligence.api.sync.SyncFixtures.execute;
import static dev.diligence.api.sync.SyncFixtures.input;
import static dev.diligence.api.sync.SyncFixtures.sync;
import static dev.diligence.api.sync.SyncFixtures.tenantId;
import static dev.diligence.api.sync.SyncFixtures.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The purge of idempotency keys works tenant by tenant and keeps keys for the retention (24h by
 * default): a key stored 25 hours before the purge's "now" goes, a fresh one stays, in every firm.
 * The purge is called with its time given, instead of waiting for the schedule.
 */
class SyncKeyPurgeIT extends ApiIntegrationTest {

    @Autowired
    private SyncKeyPurge purge;

    @Test
    void purgesKeysOlderThanTheRetentionInEveryFirmAndKeepsFreshOnes() {
        String firmA = newTenant("sync-purge-a");
        String firmB = newTenant("sync-purge-b");
        for (String firm : List.of(firmA, firmB)) {
            GraphQlTester integration = graphQl(usersOf(firm).integration());
            sync(integration, input("crm", "old", List.of(aFund("F1", "Old fund")), List.of(), List.of()));
            sync(integration, input("crm", "fresh", List.of(aFund("F2", "Fresh fund")), List.of(), List.of()));
            execute(
                    "update sync_requests set created_at = created_at - interval '25 hours' where tenant_id = ? and idempotency_key = 'old'",
                    tenantId(firm));
        }

        int purged = purge.purgeExpiredAt(Instant.now());

        assertThat(purged).isGreaterThanOrEqualTo(2);
        for (String firm : List.of(firmA, firmB)) {
            UUID tenantId = tenantId(firm);
            assertThat(texts("select idempotency_key from sync_requests where tenant_id = ?", tenantId))
                    .as(firm)
                    .containsExactly("fresh");
        }
        // the purged key is free again: the same key with another payload is applied, not refused as reused
        sync(
                        graphQl(usersOf(firmA).integration()),
                        input("crm", "old", List.of(aFund("F3", "Third fund")), List.of(), List.of()))
                .path("syncDeals.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("syncDeals.funds[0].outcome")
                .entity(String.class)
                .isEqualTo("CREATED");
    }

    @Test
    void keepsAKeyYoungerThanTheRetention() {
        String firm = newTenant("sync-purge-keep");
        sync(
                graphQl(usersOf(firm).integration()),
                input("crm", "recent", List.of(aFund("F1", "Recent fund")), List.of(), List.of()));
        execute(
                "update sync_requests set created_at = created_at - interval '23 hours' where tenant_id = ?",
                tenantId(firm));

        purge.purgeExpiredAt(Instant.now());

        assertThat(texts("select idempotency_key from sync_requests where tenant_id = ?", tenantId(firm)))
                .containsExactly("recent");
    }
}
