package dev.diligence.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Checks and cursors of a top-level connection (such as {@code funds} or {@code companies}) in a response. */
public final class ConnectionAssertions {

    private ConnectionAssertions() {}

    /** Asserts the names of the nodes of one page of {@code connection}, and whether pages follow and precede it. */
    public static void assertPage(
            GraphQlTester.Response page, String connection, List<String> names, boolean hasNext, boolean hasPrevious) {
        page.path(connection + ".nodes[*].name")
                .entityList(String.class)
                .containsExactly(names.toArray(String[]::new))
                .path(connection + ".pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(hasNext)
                .path(connection + ".pageInfo.hasPreviousPage")
                .entity(Boolean.class)
                .isEqualTo(hasPrevious);
    }

    /** Asserts that the response has errors and that every one of them is a BAD_REQUEST. */
    public static void assertBadRequest(GraphQlTester.Response response) {
        response.errors()
                .satisfy(errors -> assertThat(errors)
                        .isNotEmpty()
                        .allSatisfy(error ->
                                assertThat(error.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
    }

    public static String endCursor(GraphQlTester.Response page, String connection) {
        return page.path(connection + ".pageInfo.endCursor")
                .entity(String.class)
                .get();
    }

    public static String startCursor(GraphQlTester.Response page, String connection) {
        return page.path(connection + ".pageInfo.startCursor")
                .entity(String.class)
                .get();
    }
}
