package dev.diligence.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.webjars.WebJarVersionLocator;

/**
 * The portfolio page: plain ES modules of ours ({@code web-app/} on the classpath) and Apache ECharts
 * from its WebJar, served from the jar under {@code /app/}, no build step. The page reads only the
 * public GraphQL API and the file exports, with the bearer token it obtains by signing in.
 *
 * <p>Contracts: everything under {@code /app/} is public for GET (the security configuration lets it
 * through: the files hold no data); the page and every file carry a Content-Security-Policy that runs
 * scripts and styles of this origin only, never inline, and lets the page talk to this origin and
 * to the token issuer only; {@code /app/config.json} tells the page which issuer and client to sign
 * in with.
 */
@Configuration(proxyBeanMethods = false)
class PortfolioPage {

    static final String ASSETS = "/app/assets/";
    private static final String ECHARTS = "lib/echarts.esm.min.js";
    private static final Resource PAGE = new ClassPathResource("web-app/index.html");

    @Bean
    RouterFunction<ServerResponse> portfolioPageRoutes(
            PortfolioPageProperties properties,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String apiIssuerUri) {
        String issuerUri = issuerUri(properties, apiIssuerUri);
        Resource echarts = echarts();
        Map<String, String> config = Map.of("issuer", issuerUri, "clientId", properties.clientId());
        return RouterFunctions.route()
                .GET(
                        "/app",
                        request -> ServerResponse.permanentRedirect(URI.create("/app/"))
                                .build())
                .GET(
                        "/app/",
                        request -> ServerResponse.ok()
                                .contentType(MediaType.TEXT_HTML)
                                .cacheControl(CacheControl.noCache())
                                .body(PAGE))
                .GET(
                        "/app/config.json",
                        request -> ServerResponse.ok()
                                .cacheControl(CacheControl.noStore())
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(config))
                .GET(
                        ASSETS + ECHARTS,
                        request -> ServerResponse.ok()
                                .contentType(MediaType.valueOf("text/javascript"))
                                .cacheControl(CacheControl.noCache())
                                .body(echarts))
                .resources(ASSETS + "**", new ClassPathResource("web-app/"))
                .build();
    }

    /** The policy on every answer under {@code /app/}, set before the answer is written. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> portfolioPagePolicy(
            PortfolioPageProperties properties,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String apiIssuerUri) {
        String policy = contentSecurityPolicy(issuerUri(properties, apiIssuerUri));
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        response.setHeader("Content-Security-Policy", policy);
                        chain.doFilter(request, response);
                    }
                });
        registration.addUrlPatterns("/app", "/app/*");
        return registration;
    }

    private static String issuerUri(PortfolioPageProperties properties, String apiIssuerUri) {
        return StringUtils.hasText(properties.issuerUri()) ? properties.issuerUri() : apiIssuerUri.strip();
    }

    /**
     * Scripts, styles, images and requests of this origin only, plus requests to the issuer's origin
     * (its metadata and token endpoint); no inline script or style element, no frames, no plugins.
     * ECharts draws on a canvas and positions its tooltip through the DOM's style properties, which a
     * policy does not govern.
     */
    static String contentSecurityPolicy(String issuerUri) {
        String issuerOrigin = "";
        if (StringUtils.hasText(issuerUri)) {
            URI issuer = URI.create(issuerUri);
            issuerOrigin = " " + issuer.getScheme() + "://" + issuer.getRawAuthority();
        }
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "font-src 'self'; connect-src 'self'" + issuerOrigin + "; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'none'";
    }

    /** Fails at startup when the WebJar is missing, instead of a page without charts. */
    private static Resource echarts() {
        String path = new WebJarVersionLocator().fullPath("echarts", "dist/echarts.esm.min.js");
        if (path == null) {
            throw new IllegalStateException("WebJar file missing from the classpath: echarts/dist/echarts.esm.min.js");
        }
        return new ClassPathResource(path);
    }
}
