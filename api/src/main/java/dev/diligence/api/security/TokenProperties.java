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
 */
@ConfigurationProperties("diligence.security")
public record TokenProperties(
        @DefaultValue("tenant") String tenantClaim,
        @DefaultValue("diligence-api") String rolesClient,
        @DefaultValue("30s") Duration tenantCacheTtl,
        @DefaultValue("5s") Duration keysConnectTimeout,
        @DefaultValue("10s") Duration keysReadTimeout) {
}
