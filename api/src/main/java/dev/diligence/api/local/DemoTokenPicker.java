package dev.diligence.api.local;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * What GraphiQL's demo token picker asks (README "GraphiQL"): the {@link DemoUser}s, and a token of
 * one of them, fetched by client credentials from the embedded issuer as README shows with curl.
 *
 * <p>Contracts: exists only in embedded mode with GraphiQL on; answers only requests from this
 * machine (404 otherwise), as the embedded issuer, which listens on 127.0.0.1, hands any demo user's
 * token to them anyway, while the API's port may be reachable from others; its routes lie under
 * {@code /graphiql/}, which needs no token for GET; only the demo users' logins are asked for (404
 * otherwise); tokens are never cached.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(EmbeddedDefaults.ACTIVE)
@ConditionalOnBooleanProperty("spring.graphql.graphiql.enabled")
class DemoTokenPicker {

    private static final Duration ISSUER_TIMEOUT = Duration.ofSeconds(5);

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> demoTokenRoutes(
            @Value("${" + EmbeddedDefaults.TOKEN_ENDPOINT + "}") String tokenEndpoint) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(ISSUER_TIMEOUT);
        requests.setReadTimeout(ISSUER_TIMEOUT);
        RestClient issuer = RestClient.builder()
                .requestFactory(requests)
                .baseUrl(tokenEndpoint)
                .build();
        return RouterFunctions.route()
                .GET(
                        "/graphiql/demo-users",
                        request -> ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(users()))
                .GET("/graphiql/demo-token/{login}", request -> token(request, issuer))
                .filter((request, next) -> fromThisMachine(request)
                        ? next.handle(request)
                        : ServerResponse.notFound().build())
                .build();
    }

    private static boolean fromThisMachine(ServerRequest request) {
        return request.remoteAddress()
                .map(InetSocketAddress::getAddress)
                .filter(InetAddress::isLoopbackAddress)
                .isPresent();
    }

    private static List<Map<String, String>> users() {
        return DemoUser.ALL.stream()
                .map(user -> Map.of(
                        "login", user.login(),
                        "name", user.name(),
                        "firm", user.tenantKey() == null ? "" : user.tenantKey(),
                        "role", user.role().claimName()))
                .toList();
    }

    private static ServerResponse token(ServerRequest request, RestClient issuer) {
        Optional<DemoUser> user = DemoUser.ALL.stream()
                .filter(candidate -> candidate.login().equals(request.pathVariable("login")))
                .findFirst();
        if (user.isEmpty()) {
            return ServerResponse.notFound().build();
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", user.get().login());
        form.add("client_secret", "demo");
        String tokenResponse = issuer.post()
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(String.class);
        return ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .body(tokenResponse);
    }
}
