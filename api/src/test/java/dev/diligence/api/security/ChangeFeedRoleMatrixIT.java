package dev.diligence.api.security;

import static dev.diligence.api.security.MatrixAssertions.assertForbidden;
import static dev.diligence.api.security.MatrixAssertions.assertNoData;
import static dev.diligence.api.security.MatrixAssertions.naming;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.operation.ApiOperation;
import dev.diligence.api.support.ApiIntegrationTest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The role matrix of the change feed: integrations and tenant admins read it; every other role of
 * the firm, a fund manager included (its reads are narrowed to granted funds, the feed is not), and
 * platform administrators with or without a tenant claim are FORBIDDEN. Each case runs in a firm of
 * its own with one fund, one company and a holding, so an allowed caller sees exactly those changes.
 */
class ChangeFeedRoleMatrixIT extends ApiIntegrationTest {

    /** The one operation of this matrix; who may call it is the registry's. */
    enum Operation implements MatrixOperation {
        CHANGES;

        @Override
        public ApiOperation operation() {
            return ApiOperation.CHANGES;
        }
    }

    private static final Set<MatrixCaller> FEED_READERS = Operation.CHANGES.allowed();

    private record Fixture(String tenantKey, List<String> changedIds) {}

    static Stream<Arguments> forbiddenCallers() {
        return Arrays.stream(MatrixCaller.values())
                .filter(caller -> !FEED_READERS.contains(caller))
                .map(Arguments::of);
    }

    static Stream<Arguments> allowedCallers() {
        return FEED_READERS.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0} may not read the change feed")
    @MethodSource("forbiddenCallers")
    void callerWithoutTheRoleIsForbidden(MatrixCaller caller) {
        Fixture fixture = newFixture();

        GraphQlTester.Response response = graphQl(caller.token(fixture.tenantKey()))
                .documentName("changes")
                .execute();

        naming(caller + " reading changes", () -> {
            assertForbidden(response, "changes");
            assertNoData(response, "changes", false);
        });
    }

    @ParameterizedTest(name = "{0} may read the change feed")
    @MethodSource("allowedCallers")
    void callerWithTheRoleReadsTheFirmsChanges(MatrixCaller caller) {
        Fixture fixture = newFixture();

        GraphQlTester.Response response = graphQl(caller.token(fixture.tenantKey()))
                .documentName("changes")
                .execute();

        naming(caller + " reading changes", () -> {
            response.errors().verify();
            assertThat(response.path("changes.changes[*].id")
                            .entityList(String.class)
                            .get())
                    .containsExactlyElementsOf(fixture.changedIds());
            assertThat(response.path("changes.changes[*].node.id")
                            .entityList(String.class)
                            .get())
                    .containsExactlyElementsOf(fixture.changedIds());
        });
    }

    private Fixture newFixture() {
        String tenantKey = newTenant("feed-matrix");
        GraphQlTester admin = graphQl(usersOf(tenantKey).tenantAdmin());
        String fundId = CompanyFixtures.createFund(admin, "Feed Matrix Fund");
        String companyId = CompanyFixtures.createCompany(admin, "Feed Matrix Co");
        String holdingId = CompanyFixtures.addHolding(admin, fundId, companyId, "SOURCED");
        return new Fixture(tenantKey, List.of(fundId, companyId, holdingId));
    }
}
