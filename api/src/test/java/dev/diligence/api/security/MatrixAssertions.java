package dev.diligence.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Checks shared by the role matrices. */
final class MatrixAssertions {

    private MatrixAssertions() {}

    /** Runs {@code checks}, naming the case in a failure (reports show only the index of a parameterized case). */
    static void naming(String testCase, Runnable checks) {
        try {
            checks.run();
        } catch (AssertionError failure) {
            throw new AssertionError(testCase + ": " + failure.getMessage(), failure);
        }
    }

    /** Asserts that the call was refused on the top-level {@code field}, with FORBIDDEN errors only. */
    static void assertForbidden(GraphQlTester.Response response, String field) {
        response.errors().satisfy(errors -> {
            assertThat(errors).isNotEmpty();
            assertThat(errors).allSatisfy(error -> {
                assertThat(error.getExtensions()).containsEntry("classification", "FORBIDDEN");
                assertThat(error.getErrorType()).hasToString("FORBIDDEN");
                assertThat(error.getParsedPath()).containsExactly(field);
            });
        });
    }

    /**
     * Asserts the refusal of a request whose token carries no role of this API: HTTP 403 with one
     * GraphQL error that names the problem and no {@code data}, so no resolver ran.
     */
    static void assertRefusedForWantOfARole(WebTestClient.ResponseSpec response) {
        response.expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType("application/graphql-response+json")
                .expectBody()
                .jsonPath("$.data")
                .doesNotExist()
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].message")
                .isEqualTo("The token carries no role of this API")
                .jsonPath("$.errors[0].extensions.classification")
                .isEqualTo("FORBIDDEN")
                .jsonPath("$.errors[0].path")
                .doesNotExist();
    }

    /** A refused non-null field nulls the whole {@code data}; a refused nullable field is null itself. */
    static void assertNoData(GraphQlTester.Response response, String field, boolean nullableField) {
        if (nullableField) {
            response.path(field).valueIsNull();
        } else {
            response.path(field).pathDoesNotExist();
        }
    }
}
