package dev.diligence.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens map to callers. The issuer, key set and audiences are Spring Boot's standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties.
 *
 * @param tenantClaim       claim that carries the firm's key
 * @param rolesClient       client whose {@code resource_access.<client>.roles} are read besides the realm roles
 * @param tenantCacheTtl    how long a resolved tenant key is trusted before it is read again
 * @param keysConnectTimeout connect timeout for the issuer's metadata and key set
 * @param keysReadTimeout   read timeout for the issuer's metadata and key set
 * @param clockSkew         tolerance for clock differences when checking a token's {@code exp} and {@code nbf}
 * @param tenantSource      where a token names its firm: {@code claim} (the claim {@code tenantClaim})
 *                          or {@code organization} (Keycloak's {@code organization} claim)
 * @param verifiedTokens    how many distinct tokens whose signature was verified are remembered, so
 *                          that the signature of a token sent again is not checked again
 * @param verifiedTokenTtl  how long a remembered token is trusted without checking its signature again
 *                          (its expiry and claims are checked on every request whatever this is)
 */
@ConfigurationProperties("diligence.security")
public record TokenProperties(
        @DefaultValue("tenant") String tenantClaim,
        @DefaultValue("diligence-api") String rolesClient,
        @DefaultValue("30s") Duration tenantCacheTtl,
        @DefaultValue("5s") Duration keysConnectTimeout,
        @DefaultValue("10s") Duration keysReadTimeout,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("claim") TenantSource tenantSource,
        @DefaultValue("10000") long verifiedTokens,
        @DefaultValue("5m") Duration verifiedTokenTtl) {

    /** Where a token names the caller's firm. */
    public enum TenantSource {
        /** The claim named by {@code tenant-claim}: a key, or a list of exactly one. */
        CLAIM,
        /** Keycloak 26 Organizations: the {@code organization} claim naming exactly one organization, whose alias is the key. */
        ORGANIZATION
    }
}
