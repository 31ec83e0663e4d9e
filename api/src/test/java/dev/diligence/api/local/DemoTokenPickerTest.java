package dev.diligence.api.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GraphiQL's demo token picker lists the demo users and hands out their tokens from the embedded issuer, and no others. */
class DemoTokenPickerTest {

    private EmbeddedIssuer issuer;
    private MockMvc mvc;

    @BeforeEach
    void startIssuer() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        issuer = EmbeddedIssuer.start(port, "diligence-api", "tenant", "diligence-api");
        mvc = MockMvcBuilders.routerFunctions(new DemoTokenPicker().demoTokenRoutes(issuer.tokenEndpoint()))
                .build();
    }

    @AfterEach
    void stopIssuer() {
        issuer.close();
    }

    @Test
    void listsTheDemoUsers() throws Exception {
        mvc.perform(get("/graphiql/demo-users"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(DemoUser.ALL.size()))
                .andExpect(jsonPath("$[?(@.login == 'alice')].firm").value("northwind-capital"))
                .andExpect(jsonPath("$[?(@.login == 'alice')].role").value("tenant-admin"));
    }

    @Test
    void handsOutTheTokenOfTheChosenUser() throws Exception {
        String body = mvc.perform(get("/graphiql/demo-token/frank"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn()
                .getResponse()
                .getContentAsString();

        String token =
                JsonMapper.builder().build().readTree(body).get("access_token").asString();
        JsonNode claims = JsonMapper.builder()
                .build()
                .readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(claims.get("sub").asString()).isEqualTo("frank");
        assertThat(claims.get("tenant").asString()).isEqualTo("northwind-capital");
    }

    /** The embedded issuer listens on 127.0.0.1 only; the API's port may be reachable from other machines. */
    @Test
    void handsOutTokensOnlyToThisMachine() throws Exception {
        mvc.perform(get("/graphiql/demo-token/root").with(request -> {
                    request.setRemoteAddr("192.0.2.7");
                    return request;
                }))
                .andExpect(status().isNotFound());
        mvc.perform(get("/graphiql/demo-users").with(request -> {
                    request.setRemoteAddr("192.0.2.7");
                    return request;
                }))
                .andExpect(status().isNotFound());
    }

    @Test
    void handsOutNoTokenOfAnyoneElse() throws Exception {
        mvc.perform(get("/graphiql/demo-token/mallory")).andExpect(status().isNotFound());
    }
}
