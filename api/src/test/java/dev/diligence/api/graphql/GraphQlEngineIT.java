package dev.diligence.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.limits.DocumentCache;
import dev.diligence.api.support.ApiIntegrationTest;
import graphql.GraphQL;
import graphql.execution.instrumentation.Instrumentation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * The engine the application serves: its instrumentations as one {@link InstrumentationChain} and
 * the {@link DocumentCache}. Per field, only two hooks do anything: the limits' timeout check, which
 * answers no context, and Spring's data fetcher observation (the {@code graphql.datafetcher} metric);
 * a new instrumentation that adds work per field fails this test, so that the choice is made knowingly.
 */
class GraphQlEngineIT extends ApiIntegrationTest {

    @Autowired
    private GraphQlSource graphQlSource;

    @Autowired
    private DocumentCache documents;

    @Test
    void theServedEngineChainsItsInstrumentationsAndKeepsParsedDocuments() {
        GraphQL graphQl = graphQlSource.graphQl();

        assertThat(graphQl.getPreparsedDocumentProvider()).isSameAs(documents);
        assertThat(graphQl.getInstrumentation()).isInstanceOf(InstrumentationChain.class);
        InstrumentationChain chain = (InstrumentationChain) graphQl.getInstrumentation();
        assertThat(names(chain.instrumentations()))
                .contains("LimitsInstrumentation", "OperationLogInstrumentation", "GraphQlObservationInstrumentation");
        assertThat(chain.perFieldHooks())
                .hasSize(6)
                .allSatisfy((hook, instrumentations) -> assertThat(names(instrumentations))
                        .as(hook)
                        .isEqualTo(Map.of(
                                        "beginFieldExecution",
                                        List.of("LimitsInstrumentation"),
                                        "instrumentDataFetcher",
                                        List.of("GraphQlObservationInstrumentation"))
                                .getOrDefault(hook, List.of())));
    }

    private static List<String> names(List<Instrumentation> instrumentations) {
        return instrumentations.stream()
                .map(instrumentation -> instrumentation.getClass().getSimpleName())
                .toList();
    }
}
