package dev.diligence.api.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.diligence.api.fault.FailureLog;
import dev.diligence.persistence.replica.ReplicaReads;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** The lifecycle of a query's read-only transaction, on graphql-java with a transaction manager that records what it is asked. */
class QueryTransactionTest {

    private final RecordingTransactions transactions = new RecordingTransactions();
    private final QueryTransaction queryTransaction = new QueryTransaction(transactions, mock(FailureLog.class));
    private final List<Boolean> openWhileFetching = new ArrayList<>();

    @AfterEach
    void nothingLeftOnTheThread() {
        QueryTransaction.endLeftover();
    }

    @Test
    void aQueryReadsInsideOneReadOnlyTransactionCommittedWhenItIsDispatched() {
        ExecutionResult result = engine().execute("{ a b }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(openWhileFetching).containsExactly(true, true);
        assertThat(transactions.begun).hasSize(1);
        assertThat(transactions.begun.get(0).isReadOnly()).isTrue();
        assertThat(transactions.events).containsExactly("begin", "commit");
    }

    @Test
    void onlyAnOperationOfPortfolioComparisonsAloneMayReadFromTheReplica() {
        engine().execute("{ portfolio portfolioTrend __typename }");
        engine().execute("{ portfolio a }");
        engine().execute("{ a }");

        assertThat(transactions.begun).extracting(ReplicaReads::eligible).containsExactly(true, false, false);
    }

    @Test
    void aMutationGetsNoTransactionOfThisKind() {
        engine().execute("mutation { c }");

        assertThat(openWhileFetching).containsExactly(false);
        assertThat(transactions.events).isEmpty();
    }

    @Test
    void aTransactionThatCannotBeginLeavesTheQueryToRunWithoutIt() {
        transactions.refuseToBegin = true;

        ExecutionResult result = engine().execute("{ a }");

        assertThat(result.getErrors()).isEmpty();
        assertThat(openWhileFetching).containsExactly(false);
        assertThat(transactions.events).containsExactly("refused");
    }

    @Test
    void aReaderThatMarkedTheTransactionRollbackOnlyRollsItBack() {
        transactions.markRollbackOnlyWhileOpen = true;

        engine().execute("{ a }");

        assertThat(transactions.events).containsExactly("begin", "rollback");
    }

    @Test
    void aTransactionTheEngineNeverEndedIsRolledBackWhenTheRequestEnds() {
        InstrumentationContextLeft left = new InstrumentationContextLeft();
        left.begin();
        assertThat(transactions.events).containsExactly("begin");

        QueryTransaction.endLeftover();
        QueryTransaction.endLeftover();

        assertThat(transactions.events).containsExactly("begin", "rollback");
    }

    private GraphQL engine() {
        GraphQLSchema schema = new SchemaGenerator()
                .makeExecutableSchema(
                        new SchemaParser()
                                .parse("type Query { a: Int b: Int portfolio: Int portfolioTrend: Int }"
                                        + " type Mutation { c: Int }"),
                        RuntimeWiring.newRuntimeWiring()
                                .type(
                                        "Query",
                                        type -> type.dataFetcher("a", fetcher())
                                                .dataFetcher("b", fetcher())
                                                .dataFetcher("portfolio", fetcher())
                                                .dataFetcher("portfolioTrend", fetcher()))
                                .type("Mutation", type -> type.dataFetcher("c", fetcher()))
                                .build());
        return GraphQL.newGraphQL(schema).instrumentation(queryTransaction).build();
    }

    private DataFetcher<Integer> fetcher() {
        return environment -> {
            openWhileFetching.add(transactions.open);
            if (transactions.open && transactions.markRollbackOnlyWhileOpen) {
                transactions.current.setRollbackOnly();
            }
            return 1;
        };
    }

    /**
     * Begins a query's transaction the way graphql-java does, then lets an instrumentation after it
     * throw, so that nothing ever calls back: an operation that ended abnormally.
     */
    private final class InstrumentationContextLeft {
        void begin() {
            Instrumentation failing = new SimplePerformantInstrumentation() {
                @Override
                public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                        InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                    throw new LeaveWithoutCallback();
                }
            };
            GraphQL engine = GraphQL.newGraphQL(new SchemaGenerator()
                            .makeExecutableSchema(
                                    new SchemaParser().parse("type Query { a: Int }"),
                                    RuntimeWiring.newRuntimeWiring()
                                            .type("Query", type -> type.dataFetcher("a", fetcher()))
                                            .build()))
                    .instrumentation(new ChainedInstrumentation(queryTransaction, failing))
                    .build();
            try {
                engine.execute("{ a }");
            } catch (LeaveWithoutCallback expected) {
                // the engine let go of the operation without ending it
            }
        }
    }

    private static final class LeaveWithoutCallback extends RuntimeException {}

    private static final class RecordingTransactions implements PlatformTransactionManager {

        final List<TransactionDefinition> begun = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        boolean refuseToBegin;
        boolean markRollbackOnlyWhileOpen;
        boolean open;
        SimpleTransactionStatus current;

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            if (refuseToBegin) {
                events.add("refused");
                throw new CannotCreateTransactionException("the database is away");
            }
            begun.add(definition);
            events.add("begin");
            open = true;
            current = new SimpleTransactionStatus(true);
            return current;
        }

        @Override
        public void commit(TransactionStatus status) {
            events.add("commit");
            end(status);
        }

        @Override
        public void rollback(TransactionStatus status) {
            events.add("rollback");
            end(status);
        }

        private void end(TransactionStatus status) {
            open = false;
            ((SimpleTransactionStatus) status).setCompleted();
        }
    }
}
