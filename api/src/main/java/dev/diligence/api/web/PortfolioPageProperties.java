package dev.diligence.api.web;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the portfolio page under {@code /app/} signs its users in: the OpenID Connect authorization-code
 * flow with PKCE, as a public client (no secret).
 *
 * @param clientId  the public client the page signs in as ({@code diligence-web} in the Keycloak realm
 *                  under {@code docker/}); its tokens must carry the API's audience
 * @param issuerUri the issuer as the browser reaches it; the API's own
 *                  {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} when absent (it must name
 *                  the same issuer: the tokens' {@code iss} is checked against the API's setting)
 */
@ConfigurationProperties("diligence.web")
public record PortfolioPageProperties(
        @DefaultValue("diligence-web") String clientId,
        @Nullable String issuerUri) {}
