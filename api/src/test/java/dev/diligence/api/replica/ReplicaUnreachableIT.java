package dev.diligence.api.replica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.company.CompanyFixtures;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TenantUsers;
import dev.diligence.persistence.replica.ReadOnlyRouting;
import dev.diligence.persistence.replica.ReplayPosition;
import dev.diligence.persistence.replica.WalPosition;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A replica that does not answer (its URL names a closed port) while its replay position says it is
 * caught up: replica-eligible reads try it, fail to connect and read from the primary, and the
 * caller gets the full answer, never an error.
 */
class ReplicaUnreachableIT extends ApiIntegrationTest {

    @DynamicPropertySource
    static void aReplicaOnAClosedPort(DynamicPropertyRegistry registry) {
        registry.add(
                "diligence.datasource.replica.url",
                () -> "jdbc:postgresql://127.0.0.1:" + closedPort() + "/diligence?ApplicationName=diligence-replica");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class CaughtUp {

        @Bean
        ReplayPosition replayPosition() {
            return () -> Optional.of(new WalPosition(-1));
        }
    }

    @Autowired
    private MeterRegistry meters;

    @Test
    void aPortfolioComparisonAnswersFromThePrimary() {
        String tenant = newTenant("replica-away");
        TenantUsers users = usersOf(tenant);
        CompanyFixtures.TwoFunds funds = CompanyFixtures.twoFundsOneGranted(
                graphQl(users.tenantAdmin()), "fund-manager@" + tenant, "In Granted", "In Other");
        double onPrimary = reads("primary");

        GraphQlTester.Response response = graphQl(users.fundManager())
                .document("query($f: ID!) { portfolio(fundId: $f) { unassessedCompanies { name } } }")
                .variable("f", funds.granted())
                .execute();

        response.errors().verify();
        response.path("portfolio.unassessedCompanies[*].name")
                .entityList(String.class)
                .containsExactly("In Granted");
        assertThat(reads("replica")).isZero();
        assertThat(reads("primary") - onPrimary).isPositive();
    }

    private double reads(String target) {
        return meters.counter(ReadOnlyRouting.METRIC, "target", target).count();
    }

    /** A port nothing listens on: one the system just handed out and that was closed again. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
