package dev.diligence.api.sync;

import dev.diligence.api.graphql.UserError;
import dev.diligence.api.security.Authorities;
import dev.diligence.api.security.CurrentCaller;
import dev.diligence.api.sync.SyncInput.SyncDealsInput;
import dev.diligence.api.sync.SyncResults.SyncDealsPayload;
import dev.diligence.api.sync.SyncResults.SyncItemResult;
import dev.diligence.api.sync.SyncResults.SyncResult;
import dev.diligence.domain.company.ExternalReference;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.sync.StoredSync;
import dev.diligence.domain.sync.SyncLocks;
import dev.diligence.domain.sync.SyncRequests;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code syncDeals}: idempotent bulk upserts of funds, companies and holdings by (source, external ID),
 * for integration scripts and tenant admins. One transaction per request:
 * <ol>
 * <li>request-level checks (source, key, at most {@value #MAX_ITEMS} items); a refusal applies nothing;</li>
 * <li>the key's advisory lock, without waiting: if another transaction holds it, the request is
 * refused with the retryable IDEMPOTENCY_KEY_IN_FLIGHT;</li>
 * <li>the stored result of the key, if any: the same payload hash replays it ({@code replayed: true},
 * nothing applied, no audit event); another hash is refused with IDEMPOTENCY_KEY_REUSED;</li>
 * <li>the source's advisory lock, waiting for it: syncs of one source in one firm apply one at a time,
 * so two of them never both create the same fund, company or holding (the unique constraints on
 * references stay the backstop);</li>
 * <li>what the items' external IDs name, loaded in a few statements ({@link SyncPrefetch});</li>
 * <li>funds, then companies, then holdings, each item on its own: a failing item is checked before
 * anything of it is written, so it writes nothing and leaves the transaction usable for the others;
 * the writes of the items that passed are stored together per kind, in batches;</li>
 * <li>the result, stored under the key in the same transaction, so that result and changes commit or
 * roll back together.</li>
 * </ol>
 * A fault (not an expected failure) rolls everything back, the key included, so a retry with the same
 * key applies the request anew. The rare race on a uniqueness rule with a write the source's lock does
 * not hold back (for instance {@code createFund}, or a sync of another source, taking a fund name
 * between the check and the insert) rolls the call back the same way, and {@code MutationOutcome} runs
 * it again at once (see {@code UniqueRaces}): the second run sees the winner, and the item fails with
 * the rule's userError as it would have sequentially.
 */
@Service
public class SyncService {

    /** Most items (funds + companies + holdings) per call; README "Limits" sizes the body and cost limits for it. */
    public static final int MAX_ITEMS = 500;

    static final int KEY_MAX_LENGTH = 255;

    private final SyncLocks locks;
    private final SyncRequests requests;
    private final SyncPrefetch prefetch;
    private final FundSyncStep fundStep;
    private final CompanySyncStep companyStep;
    private final HoldingSyncStep holdingStep;
    private final JsonMapper mapper;
    private final Clock clock;
    private final SyncMetrics metrics;

    SyncService(
            SyncLocks locks,
            SyncRequests requests,
            SyncPrefetch prefetch,
            FundSyncStep fundStep,
            CompanySyncStep companyStep,
            HoldingSyncStep holdingStep,
            JsonMapper mapper,
            Clock clock,
            SyncMetrics metrics) {
        this.locks = locks;
        this.requests = requests;
        this.prefetch = prefetch;
        this.fundStep = fundStep;
        this.companyStep = companyStep;
        this.holdingStep = holdingStep;
        this.mapper = mapper;
        this.clock = clock;
        this.metrics = metrics;
    }

    @PreAuthorize(Authorities.SYNC)
    @Transactional
    public SyncDealsPayload sync(SyncDealsInput input) {
        List<Violation> refused = requestViolations(input);
        if (!refused.isEmpty()) {
            return SyncDealsPayload.refused(UserError.of(refused));
        }
        String hash = SyncPayloadHash.of(input);
        if (!locks.tryLockRequest(input.idempotencyKey())) {
            return refused(
                    "idempotencyKey",
                    ViolationCode.IDEMPOTENCY_KEY_IN_FLIGHT,
                    "a request with this idempotencyKey is still being processed; retry later with the same key and payload");
        }
        Optional<StoredSync> stored = requests.find(input.idempotencyKey());
        if (stored.isPresent()) {
            if (stored.get().payloadHash().equals(hash)) {
                metrics.replayed();
                return SyncDealsPayload.applied(mapper.readValue(stored.get().result(), SyncResult.class), true);
            }
            return refused(
                    "idempotencyKey",
                    ViolationCode.IDEMPOTENCY_KEY_REUSED,
                    "this idempotencyKey was used for a different payload; use a new key for a new request");
        }
        locks.lockSource(input.source());
        Instant now = clock.instant();
        SyncRun run = new SyncRun(input.source(), now, Year.from(now.atZone(clock.getZone())), prefetch.load(input));
        List<SyncItemResult> funds = fundStep.applyAll(run, input.funds());
        List<SyncItemResult> companies = companyStep.applyAll(run, input.companies());
        List<SyncItemResult> holdings = holdingStep.applyAll(run, input.holdings());
        SyncResult result = new SyncResult(funds, companies, holdings);
        requests.add(new StoredSync(
                input.idempotencyKey(),
                input.source(),
                hash,
                mapper.writeValueAsString(result),
                CurrentCaller.get().subject(),
                now));
        metrics.applied(result);
        return SyncDealsPayload.applied(result, false);
    }

    /** Removes the current firm's stored requests older than {@code threshold}; returns how many. */
    @PreAuthorize(Authorities.SYNC)
    @Transactional
    public int purgeStoredBefore(Instant threshold) {
        return requests.removeStoredBefore(threshold);
    }

    private static List<Violation> requestViolations(SyncDealsInput input) {
        List<Violation> out = new ArrayList<>();
        List<Violation> source = new ArrayList<>();
        new ExternalReference(input.source(), "-").check(List.of(), source);
        out.addAll(source);
        String key = input.idempotencyKey();
        if (key == null || key.isBlank()) {
            out.add(Violation.of("idempotencyKey", ViolationCode.REQUIRED, "idempotencyKey must not be blank"));
        } else if (key.length() > KEY_MAX_LENGTH) {
            out.add(Violation.of(
                    "idempotencyKey",
                    ViolationCode.TOO_LONG,
                    "idempotencyKey must be at most " + KEY_MAX_LENGTH + " characters"));
        }
        if (input.itemCount() > MAX_ITEMS) {
            out.add(Violation.general(
                    ViolationCode.OUT_OF_RANGE,
                    "a sync carries at most " + MAX_ITEMS + " items (funds, companies and holdings together), not "
                            + input.itemCount() + "; split it into several calls"));
        }
        return out;
    }

    private static SyncDealsPayload refused(String field, ViolationCode code, String message) {
        return SyncDealsPayload.refused(List.of(UserError.of(Violation.of(field, code, message))));
    }
}
