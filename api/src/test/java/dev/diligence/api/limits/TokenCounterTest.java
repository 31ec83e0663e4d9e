package dev.diligence.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.introspection.IntrospectionQuery;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenCounterTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{ viewer { subject } }",
                "query Funds($first: Int = 10, $f: FundFilter) { funds(first: $first, filter: $f) { nodes { name } } }",
                "{ a: funds(first: 1,) { ...F @include(if: true) } } fragment F on FundConnection { nodes { ... on Fund { name } } }",
                "# a comment { with } tokens\n{ fund(id: \"say \\\"hi\\\" {\") { name } } # trailing",
                "{ x(text: \"\"\"block \\\"\"\" string\nwith { braces }\"\"\", n: -12.5e+3, m: 0, l: [1, 2.0, true, null, ENUM]) }",
                "\uFEFF{ __typename }",
                "mutation { createFund(input: {name: \"F\", vintageYear: 2020, strategy: BUYOUT, currency: \"EUR\"}) { fund { id } } }"
            })
    void countsWhatGraphqlJavaCounts(String document) {
        assertThat(TokenCounter.count(document)).isEqualTo(graphqlJavaTokens(document));
    }

    @Test
    void countsTheIntrospectionQueryLikeGraphqlJava() {
        assertThat(TokenCounter.count(IntrospectionQuery.INTROSPECTION_QUERY))
                .isEqualTo(graphqlJavaTokens(IntrospectionQuery.INTROSPECTION_QUERY));
    }

    /** graphql-java's maxTokens also counts the end of the document: a limit of n tokens is maxTokens n + 1. */
    @ParameterizedTest
    @ValueSource(strings = {"{ viewer { subject } }", "{ a b c }"})
    void graphqlJavaParsesExactlyTheCountedTokensWithOneMoreForTheEnd(String document) {
        int tokens = TokenCounter.count(document);
        parse(document, tokens + 1);
        assertThatThrownBy(() -> parse(document, tokens)).isInstanceOf(InvalidSyntaxException.class);
    }

    private static int graphqlJavaTokens(String document) {
        AtomicInteger tokens = new AtomicInteger();
        new Parser()
                .parseDocument(ParserEnvironment.newParserEnvironment()
                        .document(document)
                        .parserOptions(ParserOptions.newParserOptions()
                                .parsingListener(token -> tokens.incrementAndGet())
                                .build())
                        .build());
        return tokens.get();
    }

    private static void parse(String document, int maxTokens) {
        new Parser()
                .parseDocument(ParserEnvironment.newParserEnvironment()
                        .document(document)
                        .parserOptions(ParserOptions.newParserOptions()
                                .maxTokens(maxTokens)
                                .build())
                        .build());
    }
}
