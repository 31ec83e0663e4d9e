package dev.diligence.api.security;

import dev.diligence.domain.tenant.Tenant;
import dev.diligence.domain.tenant.TenantKey;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Turns a verified JWT into a {@link CallerAuthentication}. The token's {@code sub} is the caller's
 * subject; the decoder has already rejected a token without one ({@link SecurityConfiguration}), and
 * {@link Caller} refuses a blank one. Roles come from Keycloak's
 * {@code realm_access.roles} and {@code resource_access.<client>.roles}; unknown role names are
 * ignored (a caller left with none is refused by the security filter chain). The tenant key comes from one claim (a string, or a list of exactly one string; or
 * Keycloak's organization claim, see {@link TenantKeysInToken}) and must name an active tenant.
 * A token without a tenant, with several, or with an unknown or archived one is rejected (401),
 * except that platform administrators may come without a tenant.
 */
@Component
public class CallerAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    /** The one answer to every tenant problem, so that it tells an attacker nothing. */
    static final String TENANT_REJECTED = "The token does not name exactly one active tenant";

    private final TenantDirectory directory;
    private final TokenProperties properties;

    public CallerAuthenticationConverter(TenantDirectory directory, TokenProperties properties) {
        this.directory = directory;
        this.properties = properties;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = rolesOf(jwt);
        List<String> tenantKeys =
                TenantKeysInToken.of(jwt.getClaims(), properties.tenantSource(), properties.tenantClaim());
        Optional<Tenant> tenant;
        if (tenantKeys.isEmpty() && roles.contains(Role.PLATFORM_ADMIN)) {
            tenant = Optional.empty();
        } else if (tenantKeys.size() == 1) {
            tenant = TenantKey.parse(tenantKeys.get(0)).flatMap(directory::activeTenant);
            if (tenant.isEmpty()) {
                throw new InvalidBearerTokenException(TENANT_REJECTED);
            }
        } else {
            throw new InvalidBearerTokenException(TENANT_REJECTED);
        }
        String name =
                Optional.ofNullable(jwt.getClaimAsString("name")).orElse(jwt.getClaimAsString("preferred_username"));
        String email = Optional.ofNullable(jwt.getClaimAsString("email"))
                .filter(text -> !text.isBlank())
                .orElse(null);
        return new CallerAuthentication(jwt, new Caller(jwt.getSubject(), name, email, tenant, roles));
    }

    private Set<Role> rolesOf(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        addRoles(jwt.getClaims().get("realm_access"), roles);
        if (jwt.getClaims().get("resource_access") instanceof Map<?, ?> clients) {
            addRoles(clients.get(properties.rolesClient()), roles);
        }
        return roles;
    }

    private static void addRoles(Object access, Set<Role> roles) {
        if (access instanceof Map<?, ?> map) {
            stringsOf(map.get("roles")).forEach(name -> Role.fromClaimName(name).ifPresent(roles::add));
        }
    }

    private static List<String> stringsOf(Object claim) {
        if (claim instanceof String text) {
            return text.isBlank() ? List.of() : List.of(text);
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).distinct().toList();
        }
        return List.of();
    }
}
