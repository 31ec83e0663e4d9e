package dev.diligence.api.graphql;

import dev.diligence.api.fault.UniqueRaces;
import dev.diligence.domain.shared.RuleViolationException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a mutation's service call and turns broken business rules into user errors. The service's
 * transaction has rolled back by then, so a payload with user errors means nothing was written (a
 * write that lost a race on a row's version is one: the adapters report it as {@code STALE_VERSION}). A
 * call that lost a race on a uniqueness rule is run again ({@link UniqueRaces#run}), so it answers
 * with the rule's userError like a call that came after the winner; {@code mutation} must therefore be
 * one transactional service call, whose only effects are those of its transaction.
 */
public final class MutationOutcome {

    private MutationOutcome() {}

    public static <P> P run(Supplier<P> mutation, Function<List<UserError>, P> failed) {
        try {
            return UniqueRaces.run(mutation);
        } catch (RuleViolationException violation) {
            return failed.apply(UserError.of(violation.violations()));
        }
    }
}
