package dev.diligence.api.request;

import dev.diligence.api.fault.FailureLog;
import dev.diligence.api.operation.ApiOperation;
import dev.diligence.persistence.replica.ReplicaReads;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs each GraphQL query operation in one read-only transaction: it begins when the operation
 * starts executing (after parsing, validation and every limit), so the tenant and the fund scope
 * are set once, in the one statement that begins it, and every resolver and batch loader of the
 * request joins it instead of beginning its own. Mutations are left alone: each keeps the
 * transactions of its service. An operation whose every root field may read from the replica
 * ({@link ApiOperation#replicaRootFields()}, the portfolio comparisons) runs in a replica-eligible
 * transaction ({@link ReplicaReads}); any other, like the change feed, reads from the primary.
 * <p>
 * Contract: the transaction ends on the thread that began it, when graphql-java has dispatched the
 * operation (with synchronous resolvers, when everything has been read). Work that completes later
 * on another thread finds no transaction and begins its own, as before. When the transaction cannot
 * begin (the database is away), the operation runs without it, so each reader meets the failure and
 * answers it as it always has (UNAVAILABLE). Should an operation end without graphql-java calling
 * back, {@link #endLeftover()} rolls the transaction back at the end of the HTTP request.
 */
@Component
public class QueryTransaction extends SimplePerformantInstrumentation {

    private static final ThreadLocal<Open> OPEN = new ThreadLocal<>();

    private static final Set<String> REPLICA_ROOT_FIELDS = ApiOperation.replicaRootFields();

    private final PlatformTransactionManager transactions;
    private final FailureLog failures;
    private final TransactionDefinition readOnly = readOnly(List.of());
    private final TransactionDefinition replicaEligible = readOnly(List.of(ReplicaReads.LABEL));

    QueryTransaction(PlatformTransactionManager transactions, FailureLog failures) {
        this.transactions = transactions;
        this.failures = failures;
    }

    private static TransactionDefinition readOnly(List<String> labels) {
        DefaultTransactionAttribute definition =
                new DefaultTransactionAttribute(TransactionDefinition.PROPAGATION_REQUIRED);
        definition.setReadOnly(true);
        definition.setName("GraphQL query");
        definition.setLabels(labels);
        return definition;
    }

    @Override
    public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        if (parameters.getExecutionContext().getOperationDefinition().getOperation()
                        != OperationDefinition.Operation.QUERY
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        TransactionStatus status;
        try {
            status = transactions.getTransaction(
                    readsFromReplica(parameters.getExecutionContext()) ? replicaEligible : readOnly);
        } catch (TransactionException | DataAccessException unavailable) {
            return null;
        }
        Open open = new Open(status, Thread.currentThread());
        OPEN.set(open);
        return open;
    }

    /**
     * Whether every root field of the operation may read from the replica (introspection reads no
     * data). Read from the operation's syntax, fragments expanded, not from graphql-java's normalized
     * operation: that is made per execution, and a kept document's requests skip it ({@code DocumentCache}).
     * A root field under {@code @skip} or {@code @include} counts: it can only keep an operation on the primary.
     */
    private static boolean readsFromReplica(ExecutionContext execution) {
        Set<String> fields = new HashSet<>();
        collectFieldNames(execution.getOperationDefinition().getSelectionSet(), execution.getFragmentsByName(), fields);
        fields.removeIf(name -> name.startsWith("__"));
        return !fields.isEmpty() && REPLICA_ROOT_FIELDS.containsAll(fields);
    }

    /** Adds the names of the fields {@code set} selects to {@code names}, through its fragments (validation rules out cycles). */
    private static void collectFieldNames(
            SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> names) {
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                names.add(field.getName());
            } else if (selection instanceof InlineFragment inline) {
                collectFieldNames(inline.getSelectionSet(), fragments, names);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                collectFieldNames(fragments.get(spread.getName()).getSelectionSet(), fragments, names);
            }
        }
    }

    /** Rolls back a query's transaction that is still open on this thread; called when an HTTP request ends. */
    static void endLeftover() {
        Open open = OPEN.get();
        if (open != null) {
            open.end(true);
        }
    }

    private final class Open implements InstrumentationContext<ExecutionResult> {

        private final TransactionStatus status;
        private final Thread thread;

        Open(TransactionStatus status, Thread thread) {
            this.status = status;
            this.thread = thread;
        }

        @Override
        public void onDispatched() {
            end(false);
        }

        @Override
        public void onCompleted(@Nullable ExecutionResult result, @Nullable Throwable failure) {
            end(false);
        }

        /** Ends the transaction once, on its own thread; a reader's failure that marked it rollback-only rolls it back. */
        void end(boolean rollback) {
            if (Thread.currentThread() != thread || status.isCompleted()) {
                return;
            }
            OPEN.remove();
            try {
                if (rollback || status.isRollbackOnly()) {
                    transactions.rollback(status);
                } else {
                    transactions.commit(status);
                }
            } catch (TransactionException | DataAccessException failure) {
                // everything was read; a transaction that fails to end changes no answer
                failures.failed("Ending a query's read-only transaction", failure);
            }
        }
    }
}
