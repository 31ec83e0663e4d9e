package dev.diligence.api.sync;

import dev.diligence.api.graphql.UserError;
import dev.diligence.domain.shared.Violation;
import java.util.List;
import java.util.stream.Stream;

/** The GraphQL results of {@code syncDeals} (sync.graphqls). */
public final class SyncResults {

    private SyncResults() {}

    /** {@code SyncItemOutcome}. */
    public enum SyncItemOutcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        FAILED
    }

    /** {@code SyncItemResult}: {@code id} is a global ID, null when the item failed. */
    public record SyncItemResult(String externalId, SyncItemOutcome outcome, String id, List<UserError> userErrors) {

        static SyncItemResult of(String externalId, SyncItemOutcome outcome, String id) {
            return new SyncItemResult(externalId, outcome, id, List.of());
        }

        static SyncItemResult failed(String externalId, List<Violation> violations) {
            return new SyncItemResult(externalId, SyncItemOutcome.FAILED, null, UserError.of(violations));
        }
    }

    /** What an applied request did, item by item; stored under its idempotency key and replayed as is. */
    public record SyncResult(
            List<SyncItemResult> funds, List<SyncItemResult> companies, List<SyncItemResult> holdings) {}

    /** {@code SyncSummary}. */
    public record SyncSummary(int created, int updated, int unchanged, int failed) {

        static SyncSummary of(SyncResult result) {
            List<SyncItemResult> all = Stream.of(result.funds(), result.companies(), result.holdings())
                    .flatMap(List::stream)
                    .toList();
            return new SyncSummary(
                    count(all, SyncItemOutcome.CREATED),
                    count(all, SyncItemOutcome.UPDATED),
                    count(all, SyncItemOutcome.UNCHANGED),
                    count(all, SyncItemOutcome.FAILED));
        }

        private static int count(List<SyncItemResult> items, SyncItemOutcome outcome) {
            return (int)
                    items.stream().filter(item -> item.outcome() == outcome).count();
        }
    }

    /** {@code SyncDealsPayload}. */
    public record SyncDealsPayload(
            boolean replayed,
            List<SyncItemResult> funds,
            List<SyncItemResult> companies,
            List<SyncItemResult> holdings,
            SyncSummary summary,
            List<UserError> userErrors) {

        static SyncDealsPayload applied(SyncResult result, boolean replayed) {
            return new SyncDealsPayload(
                    replayed, result.funds(), result.companies(), result.holdings(), SyncSummary.of(result), List.of());
        }

        /** The request as a whole was refused; nothing was applied. */
        static SyncDealsPayload refused(List<UserError> errors) {
            return new SyncDealsPayload(false, List.of(), List.of(), List.of(), new SyncSummary(0, 0, 0, 0), errors);
        }
    }
}
