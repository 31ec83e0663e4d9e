package dev.diligence.api.security;

import static dev.diligence.api.security.MatrixAssertions.assertForbidden;
import static dev.diligence.api.security.MatrixAssertions.assertNoData;
import static dev.diligence.api.security.MatrixAssertions.naming;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.operation.ApiOperation;
import dev.diligence.api.support.ApiIntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The role matrix of syncDeals: integration scripts and tenant admins sync; every other caller
 * (fund managers, assessors, reviewers, platform administrators with or without a tenant claim) gets
 * FORBIDDEN and writes nothing. Each case runs in a firm of its own.
 */
class SyncRoleMatrixIT extends ApiIntegrationTest {

    /** The one operation of this matrix; who may call it is the registry's. */
    enum Operation implements MatrixOperation {
        SYNC_DEALS;

        @Override
        public ApiOperation operation() {
            return ApiOperation.SYNC_DEALS;
        }
    }

    private static final Set<MatrixCaller> SYNCERS = Operation.SYNC_DEALS.allowed();

    @ParameterizedTest(name = "{0}")
    @EnumSource(MatrixCaller.class)
    void onlyIntegrationAndTenantAdminsSync(MatrixCaller caller) throws SQLException {
        String tenant = newTenant("sync-matrix");
        Map<String, Object> input = Map.of(
                "source",
                "dealcloud",
                "idempotencyKey",
                "matrix",
                "funds",
                List.of(Map.of(
                        "externalId",
                        "F1",
                        "name",
                        "Matrix fund",
                        "vintageYear",
                        2021,
                        "strategy",
                        "BUYOUT",
                        "currency",
                        "USD")));

        GraphQlTester.Response response = graphQl(caller.token(tenant))
                .documentName("syncDeals")
                .variable("input", input)
                .execute();

        naming(caller + " calling syncDeals", () -> {
            if (SYNCERS.contains(caller)) {
                response.errors().verify();
                response.path("syncDeals.funds[0].outcome").entity(String.class).isEqualTo("CREATED");
                assertThat(count(tenant, "funds")).isEqualTo(1);
                assertThat(count(tenant, "sync_requests")).isEqualTo(1);
            } else {
                assertForbidden(response, "syncDeals");
                assertNoData(response, "syncDeals", false);
                assertThat(count(tenant, "funds")).isZero();
                assertThat(count(tenant, "sync_requests")).isZero();
                assertThat(count(tenant, "audit_events")).isZero();
            }
        });
    }

    private static long count(String tenantKey, String table) {
        try (Connection admin = DB.connectAsAdmin();
                PreparedStatement query = admin.prepareStatement(
                        "select count(*) from " + table + " t join tenants n on n.id = t.tenant_id where n.key = ?")) {
            query.setString(1, tenantKey);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
