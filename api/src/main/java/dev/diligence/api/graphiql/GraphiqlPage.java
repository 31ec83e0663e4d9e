package dev.diligence.api.graphiql;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import org.webjars.WebJarVersionLocator;

/**
 * GraphiQL served entirely from the jar: the page, its scripts and styles (WebJars of GraphiQL and
 * React, and {@code graphiql-offline/} of ours), so it loads on a machine without internet. Spring for
 * GraphQL's own page imports all of that from a public CDN.
 *
 * <p>Contracts: it exists only where {@code spring.graphql.graphiql.enabled} is true (the {@code local}
 * profile and embedded mode); its routes come before Spring Boot's GraphiQL route ({@link Order}), so
 * {@code GET /graphiql} is this page; everything lives under {@code /graphiql/}, which the security
 * configuration lets through without a token for GET; only the files named in {@link #ASSETS} are
 * served; the page carries a Content-Security-Policy that allows scripts, styles and requests of this
 * origin only (GraphiQL's fonts are {@code data:} URLs in its stylesheet).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("spring.graphql.graphiql.enabled")
class GraphiqlPage {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "font-src 'self' data:; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    /** The page's files, by the name under {@code /graphiql/assets/}: WebJar files as webjar/path, ours as classpath. */
    private static final Map<String, String> ASSETS = Map.of(
            "react.production.min.js", "react/umd/react.production.min.js",
            "react-dom.production.min.js", "react-dom/umd/react-dom.production.min.js",
            "graphiql.min.js", "graphiql/graphiql.min.js",
            "graphiql.min.css", "graphiql/graphiql.min.css");

    private static final String OURS = "graphiql-offline/";
    private static final Resource PAGE = new ClassPathResource(OURS + "index.html");

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphiqlPageRoutes(
            @Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
        Map<String, Resource> assets = assets();
        return RouterFunctions.route()
                .GET("/graphiql", request -> page(request, graphQlPath))
                .add(RouterFunctions.resources(request -> asset(request, assets)))
                .build();
    }

    /** Without a {@code path} parameter, redirects to the page with the GraphQL endpoint's path, as Spring's page does. */
    private static ServerResponse page(ServerRequest request, String graphQlPath) {
        if (request.param("path").isEmpty()) {
            URI withPath = UriComponentsBuilder.fromUri(request.uri())
                    .replaceQueryParam("path", graphQlPath)
                    .build()
                    .toUri();
            return ServerResponse.temporaryRedirect(withPath).build();
        }
        return ServerResponse.ok()
                .contentType(MediaType.TEXT_HTML)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .body(PAGE);
    }

    private static Optional<Resource> asset(ServerRequest request, Map<String, Resource> assets) {
        String path = request.path();
        String prefix = "/graphiql/assets/";
        return path.startsWith(prefix)
                ? Optional.ofNullable(assets.get(path.substring(prefix.length())))
                : Optional.empty();
    }

    /** Fails at startup when a WebJar is missing, instead of a page that stays blank. */
    private static Map<String, Resource> assets() {
        WebJarVersionLocator webJars = new WebJarVersionLocator();
        Map<String, Resource> assets = new HashMap<>();
        ASSETS.forEach((name, webJarPath) -> {
            int slash = webJarPath.indexOf('/');
            String fullPath = webJars.fullPath(webJarPath.substring(0, slash), webJarPath.substring(slash + 1));
            if (fullPath == null) {
                throw new IllegalStateException("WebJar file missing from the classpath: " + webJarPath);
            }
            assets.put(name, new ClassPathResource(fullPath));
        });
        assets.put("graphiql-boot.js", new ClassPathResource(OURS + "graphiql-boot.js"));
        assets.put("graphiql-page.css", new ClassPathResource(OURS + "graphiql-page.css"));
        return Map.copyOf(assets);
    }
}
