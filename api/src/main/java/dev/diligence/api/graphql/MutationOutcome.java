package dev.diligence.api.graphql;

import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.ViolationCode;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * Runs a mutation's service call and turns broken business rules into user errors. The service's
 * transaction has rolled back by then, so a payload with user errors means nothing was written.
 */
public final class MutationOutcome {

    private MutationOutcome() {
    }

    public static <P> P run(Supplier<P> mutation, Function<List<UserError>, P> failed) {
        try {
            return mutation.get();
        } catch (RuleViolationException violation) {
            return failed.apply(UserError.of(violation.violations()));
        } catch (ObjectOptimisticLockingFailureException concurrentChange) {
            return failed.apply(List.of(new UserError(List.of("expectedVersion"),
                    "The object was changed concurrently; read it again and retry", ViolationCode.STALE_VERSION)));
        }
    }
}
