package dev.diligence.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A test instrumentation in front of the resolvers of the heavy root fields: it counts those that
 * started, and on demand holds them until the test releases them, or makes them fail. Tests of the
 * bulkhead keep heavy requests inside their execution with it for as long as they need, without
 * timing. Every wait is bounded, so that a broken test fails instead of hanging.
 */
final class ResolverGate extends SimplePerformantInstrumentation {

    /** Put in front of the resolvers of an integration test's application by {@code @Import(ResolverGate.Installed.class)}. */
    @TestConfiguration
    static class Installed {

        @Bean
        ResolverGate resolverGate() {
            return new ResolverGate();
        }
    }

    private static final Set<String> HEAVY_ROOT_FIELDS = Set.of("portfolio", "portfolioTrend", "compareCompanies");
    private static final long MAX_WAIT_SECONDS = GraphQlRequests.RESPONSE_TIMEOUT.toSeconds();

    private final AtomicInteger started = new AtomicInteger();
    private volatile Hold hold;
    private volatile boolean failing;

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        if (parameters.getExecutionStepInfo().getPath().getLevel() != 1
                || !HEAVY_ROOT_FIELDS.contains(parameters.getField().getName())) {
            return dataFetcher;
        }
        return environment -> {
            started.incrementAndGet();
            Hold current = hold;
            if (current != null) {
                current.enterAndWait();
            }
            if (failing) {
                throw new IllegalStateException("failed on purpose");
            }
            return dataFetcher.get(environment);
        };
    }

    /** Heavy resolvers that start from now on wait until {@link Hold#release()}. */
    Hold hold(int requests) {
        Hold next = new Hold(requests);
        hold = next;
        return next;
    }

    /** Heavy resolvers that start from now on throw. */
    void fail() {
        failing = true;
    }

    /** Heavy resolvers run as they are. */
    void pass() {
        hold = null;
        failing = false;
    }

    /** Heavy resolvers started so far. */
    int started() {
        return started.get();
    }

    /** Resolvers held until released; {@link #awaitEntered()} returns once {@code requests} of them are waiting. */
    static final class Hold {

        private final CountDownLatch entered;
        private final CountDownLatch released = new CountDownLatch(1);

        private Hold(int requests) {
            this.entered = new CountDownLatch(requests);
        }

        void awaitEntered() throws InterruptedException {
            assertThat(entered.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS))
                    .as("held resolvers started")
                    .isTrue();
        }

        void release() {
            released.countDown();
        }

        private void enterAndWait() throws InterruptedException {
            entered.countDown();
            if (!released.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released this resolver");
            }
        }
    }
}
