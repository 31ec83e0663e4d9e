package dev.diligence.api.fault;

import dev.diligence.persistence.constraint.UniqueViolations;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Races on uniqueness rules. A service checks that a unique value is free and then writes it, in one
 * transaction; two transactions can both find the value free, and the database's unique constraint
 * then lets only the first write it. The loser fails with a unique violation instead of the userError
 * its check gives when the writes come one after the other.
 * <p>
 * PostgreSQL raises the loser's violation only once the winner has committed (the second writer of a
 * unique value waits for the first to end), so the loser's whole call, run again in a new
 * transaction, finds the value taken and answers exactly as the sequential check does: same code,
 * field and message, or a sync item's failure where the sequential sync fails that item (or it
 * succeeds, if the winner's value is gone by then). {@link #run} does that.
 * <p>
 * Contract of {@link #GUARDED}: every constraint in it is checked, before the write and in the same
 * transaction, by every service that writes it, and a taken value is reported as a
 * {@code RuleViolationException}. A violation of any other constraint stays a fault (INTERNAL_ERROR):
 * either nothing can race on it (it is written under a lock, or by an upsert), or a check is missing,
 * and both are bugs to see.
 */
public final class UniqueRaces {

    /** The unique constraints (and unique indexes) of the schema guarded by a check, with their checks. */
    static final Set<String> GUARDED = Set.of(
            // createTenant: TenantService.create (tenants.keyExists)
            "tenants_key_key",
            // createFund, updateFund: FundService.requireUniqueName; syncDeals: FundSyncStep.requireUniqueName
            "funds_name_unique",
            // createCompany, updateCompany: CompanyService.requireFreeReferences; syncDeals: the company that
            // holds an item's reference is the one the item updates (SyncPrefetch)
            "company_references_tenant_id_source_external_id_key",
            // addHolding: HoldingService.add (holdings.exists); syncDeals: HoldingSyncStep.create
            "holdings_company_once_per_fund",
            // grantFundAccess: FundAccessService.grant (grants.find)
            "fund_grants_once");

    /**
     * Attempts of one call, the first included. The second answers a lost race; the third covers a call
     * writing several unique values that loses again, on another one, to yet another writer. A call
     * losing all of them fails with its last violation.
     */
    static final int MAX_ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(UniqueRaces.class);

    private UniqueRaces() {}

    /**
     * Runs {@code call} and returns its result, running it again when it lost a race on a
     * {@link #GUARDED} constraint. {@code call} must open and end its own transaction (a transactional
     * service method) and have no effects outside it; when a transaction is already active around this
     * method, a lost race is not retried (that transaction is aborted) but thrown. Every other failure
     * is thrown as is.
     */
    public static <T> T run(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException failure) {
                Optional<String> constraint = lostOn(failure);
                if (constraint.isEmpty()
                        || attempt == MAX_ATTEMPTS
                        || TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw failure;
                }
                log.info(
                        "Lost a race on unique constraint {} (attempt {} of {}); running the call again",
                        constraint.get(),
                        attempt,
                        MAX_ATTEMPTS);
            }
        }
    }

    /** The guarded constraint whose race {@code failure} lost, if it reports a violation of one. */
    static Optional<String> lostOn(Throwable failure) {
        return UniqueViolations.constraintOf(failure).filter(GUARDED::contains);
    }
}
