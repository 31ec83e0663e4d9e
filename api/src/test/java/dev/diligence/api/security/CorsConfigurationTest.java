package dev.diligence.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.CorsFilter;

/** {@code diligence.cors.allowed-origins}: bound from a comma list, and applied by a CORS filter. */
class CorsConfigurationTest {

    private static CorsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("diligence.cors", CorsProperties.class);
    }

    private static MockHttpServletResponse preflight(CorsProperties cors, String origin) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("OPTIONS", "/graphql");
        request.addHeader("Origin", origin);
        request.addHeader("Access-Control-Request-Method", "POST");
        request.addHeader("Access-Control-Request-Headers", "authorization, content-type");
        MockHttpServletResponse response = new MockHttpServletResponse();
        new CorsFilter(SecurityConfiguration.corsConfigurationSource(cors))
                .doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aCommaListOfOriginsBindsLikeTheEnvironmentVariable() {
        assertThat(bind(Map.of("diligence.cors.allowed-origins", "http://localhost:3000, https://app.example.com"))
                        .allowedOrigins())
                .containsExactly("http://localhost:3000", "https://app.example.com");
        assertThat(bind(Map.of()).allowedOrigins()).isEmpty();
    }

    @Test
    void aConfiguredOriginGetsItsPreflightAnswered() throws Exception {
        MockHttpServletResponse response =
                preflight(new CorsProperties(List.of("http://localhost:3000")), "http://localhost:3000");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(response.getHeader("Access-Control-Allow-Methods")).contains("POST");
        assertThat(response.getHeader("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(response.getHeader("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void anotherOriginIsRefused() throws Exception {
        MockHttpServletResponse response =
                preflight(new CorsProperties(List.of("http://localhost:3000")), "https://evil.example");
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void byDefaultNoOriginGetsCorsHeaders() throws Exception {
        MockHttpServletResponse response = preflight(new CorsProperties(List.of()), "http://localhost:3000");
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void wildcardsAreRefused() {
        assertThatThrownBy(() -> new CorsProperties(List.of("*"))).isInstanceOf(IllegalArgumentException.class);
    }
}
