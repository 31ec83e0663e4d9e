package dev.diligence.api.security;

import dev.diligence.api.refusal.Refusals;
import dev.diligence.api.replica.CommitPositions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Stateless bearer-token security. Every GraphQL request needs a valid token with a subject (401
 * otherwise) that carries at least one role of this API (403 otherwise, before any resolver runs);
 * what a caller may do is decided by {@code @PreAuthorize} rules on the application services.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * No observations of the filter chain, authentication or authorization: a span around each filter,
     * the authentication and every authorization cost more per request than a node lookup's own work,
     * and nothing reads them (HTTP and GraphQL observations stay). With this setting the chain is not
     * wrapped at all; {@code management.observations.enable.spring.security=false} only made the
     * wrappers' observations no-ops.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The actuator endpoints (health, info, prometheus) on the separate management port
     * ({@code management.server.port}) need no token: they are for probes and scrapers on the
     * internal network. With the management port different from the server port, {@link EndpointRequest}
     * matches only requests on the management port, so on the API port the actuator paths fall to
     * {@link #apiSecurity} and are rejected (401) like any unauthenticated request.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain managementSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    /**
     * The GraphQL endpoint takes callers holding a role of this API; a token whose roles are all
     * unknown, or that has none, is refused as a whole ({@link NoKnownRoleAccessDeniedHandler}),
     * instead of running every resolver up to its own check. A request without a valid token is
     * still a 401: Spring Security sends the unauthenticated to the entry point, not the denied handler.
     */
    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            CallerAuthenticationConverter callerConverter,
            CorsProperties corsProperties,
            @Value("${spring.graphql.http.path:/graphql}") String graphQlPath,
            Refusals refusals)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(corsConfigurationSource(corsProperties)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                HttpMethod.GET, "/graphiql", "/graphiql/**", "/app", "/app/**")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(graphQlPath, "/exports/**")
                        .hasAnyAuthority(knownRoleAuthorities())
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(
                        server -> server.authenticationEntryPoint(new UniformAuthenticationEntryPoint(refusals))
                                .accessDeniedHandler(new NoKnownRoleAccessDeniedHandler(refusals))
                                .jwt(jwt -> jwt.jwtAuthenticationConverter(callerConverter)));
        return http.build();
    }

    private static String[] knownRoleAuthorities() {
        return Arrays.stream(Role.values()).map(Role::authority).toArray(String[]::new);
    }

    /**
     * CORS for the origins of {@code diligence.cors.allowed-origins}: their preflight requests are
     * answered before authentication, and their scripts may send a bearer token (no cookies) and read
     * the request ID, {@code Retry-After}, {@code WWW-Authenticate} and the {@code RateLimit} fields. With no origins configured no
     * path has a CORS configuration, so cross-origin responses carry no CORS headers.
     */
    static CorsConfigurationSource corsConfigurationSource(CorsProperties cors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (cors.allowedOrigins().isEmpty()) {
            return source;
        }
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(cors.allowedOrigins());
        configuration.setAllowedMethods(List.of("POST", "GET", "OPTIONS"));
        configuration.setAllowedHeaders(
                List.of("Authorization", "Content-Type", "Accept", "X-Request-Id", CommitPositions.HEADER));
        configuration.setExposedHeaders(List.of(
                "X-Request-Id",
                "Retry-After",
                "WWW-Authenticate",
                "RateLimit",
                "RateLimit-Policy",
                CommitPositions.HEADER));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(Duration.ofHours(1));
        source.registerCorsConfiguration("/**", configuration);
        return source;
    }

    /**
     * The token decoder, configured from Spring Boot's standard resource-server properties
     * ({@code issuer-uri} or {@code jwk-set-uri}, and {@code audiences}), with explicit timeouts for
     * fetching the issuer's metadata and keys (Spring Security's own default is too short for a
     * slow first answer). Tokens must carry {@code exp}; {@code exp} and {@code nbf} are checked
     * with {@code diligence.security.clock-skew} of tolerance. Tokens must carry a {@code sub} that is
     * not blank: the subject is who the caller is (actor of writes, holder of fund grants), and a
     * token without one is rejected like any other bad token, with the same uniform 401.
     */
    @Bean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties, TokenProperties security) {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        String issuer = jwt.getIssuerUri();
        String keySet = jwt.getJwkSetUri();
        if (!StringUtils.hasText(issuer) && !StringUtils.hasText(keySet)) {
            throw new IllegalStateException(
                    "No token issuer is configured: set spring.security.oauth2.resourceserver.jwt.issuer-uri"
                            + " (or jwk-set-uri), e.g. through SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI");
        }
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(security.keysConnectTimeout());
        requests.setReadTimeout(security.keysReadTimeout());
        RestTemplate rest = new RestTemplate(requests);
        NimbusJwtDecoder decoder = StringUtils.hasText(keySet)
                ? NimbusJwtDecoder.withJwkSetUri(keySet).restOperations(rest).build()
                : NimbusJwtDecoder.withIssuerLocation(issuer)
                        .restOperations(rest)
                        .build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(security.clockSkew());
        timestamps.setAllowEmptyExpiryClaim(false);
        validators.add(timestamps);
        validators.add(new JwtClaimValidator<Object>(
                JwtClaimNames.SUB, sub -> sub instanceof String subject && !subject.isBlank()));
        if (StringUtils.hasText(issuer)) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        List<String> audiences = jwt.getAudiences();
        if (!audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<List<String>>(
                    JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
        }
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithValidators(validators);
        decoder.setJwtValidator(validator);
        return new VerifiedTokenCache(decoder, validator, security.verifiedTokens(), security.verifiedTokenTtl());
    }
}
