package dev.diligence.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diligence.api.security.TokenProperties.TenantSource;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import dev.diligence.domain.tenant.Tenant;
import dev.diligence.domain.tenant.TenantId;
import dev.diligence.domain.tenant.TenantKey;
import dev.diligence.domain.tenant.Tenants;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/**
 * With {@code diligence.security.tenant-source=organization}, the firm comes from Keycloak's
 * {@code organization} claim: exactly one organization, whose alias is the firm's key.
 */
class OrganizationTenantTest {

    private final Tenant acme = Tenant.register("acme", "Acme Capital", Instant.now());
    private final Tenant globex = Tenant.register("globex", "Globex Partners", Instant.now());

    private final CallerAuthenticationConverter converter = converter(TenantSource.ORGANIZATION, acme, globex);

    @Test
    void acceptsOneOrganizationListedByAlias() {
        assertThat(tenantOf(token(Map.of("organization", List.of("acme"))))).contains(acme);
    }

    @Test
    void acceptsOneOrganizationMappedToItsAttributes() {
        Map<String, Object> organization = Map.of("acme", Map.of("id", "5f1c0c8e-1d2b-4b7e-9a43-0c6f3e1d2a10"));

        assertThat(tenantOf(token(Map.of("organization", organization)))).contains(acme);
    }

    @Test
    void rejectsTokenWithoutOrganization() {
        assertRejected(token(Map.of()));
        assertRejected(token(Map.of("organization", List.of())));
    }

    @Test
    void rejectsTokenWithSeveralOrganizations() {
        assertRejected(token(Map.of("organization", List.of("acme", "globex"))));
        assertRejected(token(Map.of("organization", Map.of("acme", Map.of(), "globex", Map.of()))));
    }

    @Test
    void rejectsOrganizationThatIsNoKnownFirm() {
        assertRejected(token(Map.of("organization", List.of("initech"))));
        assertRejected(token(Map.of("organization", List.of("Not A Key"))));
    }

    @Test
    void ignoresTheTenantClaimWhenTheSourceIsTheOrganization() {
        assertRejected(token(Map.of("tenant", "acme")));
    }

    @Test
    void theDefaultSourceIgnoresTheOrganizationClaim() {
        CallerAuthenticationConverter byClaim = converter(TenantSource.CLAIM, acme, globex);

        assertThatThrownBy(() -> byClaim.convert(token(Map.of("organization", List.of("acme")))))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThat(((CallerAuthentication) byClaim.convert(token(Map.of("tenant", "acme"))))
                        .caller()
                        .tenant())
                .contains(acme);
    }

    private Optional<Tenant> tenantOf(Jwt jwt) {
        return ((CallerAuthentication) converter.convert(jwt)).caller().tenant();
    }

    private void assertRejected(Jwt jwt) {
        assertThatThrownBy(() -> converter.convert(jwt))
                .isInstanceOf(InvalidBearerTokenException.class)
                .hasMessage(CallerAuthenticationConverter.TENANT_REJECTED);
    }

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder token = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject("someone")
                .claim("realm_access", Map.of("roles", List.of("fund-manager")));
        claims.forEach(token::claim);
        return token.build();
    }

    private static CallerAuthenticationConverter converter(TenantSource source, Tenant... known) {
        TokenProperties properties = new TokenProperties(
                "tenant",
                "diligence-api",
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                source,
                10_000,
                Duration.ofMinutes(5));
        return new CallerAuthenticationConverter(
                new TenantDirectory(new KnownTenants(List.of(known)), new NoTransactions(), properties), properties);
    }

    /** Just enough of the tenant registry for the directory: lookups by key. */
    private record KnownTenants(List<Tenant> tenants) implements Tenants {

        @Override
        public Optional<Tenant> findByKey(TenantKey key) {
            return tenants.stream().filter(tenant -> tenant.key().equals(key)).findFirst();
        }

        @Override
        public Optional<Tenant> findById(TenantId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Tenant> all() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Slice<Tenant> page(PageQuery page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long count() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean keyExists(TenantKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void add(Tenant tenant) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(Tenant tenant) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class NoTransactions implements PlatformTransactionManager {

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {}

        @Override
        public void rollback(TransactionStatus status) {}
    }
}
