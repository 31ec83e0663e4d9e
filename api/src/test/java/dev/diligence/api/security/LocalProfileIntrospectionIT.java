package dev.diligence.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import graphql.introspection.Introspection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Under the {@code local} profile, developers get introspection and GraphiQL, which
 * {@link HttpHygieneIT} shows are off otherwise. (A second application context.)
 */
@ActiveProfiles("local")
class LocalProfileIntrospectionIT extends ApiIntegrationTest {

    @LocalServerPort
    private int port;

    private boolean jvmWide;

    /**
     * Spring Boot turns graphql-java's JVM-wide introspection switch off when any application
     * context in this JVM disables introspection (the other test contexts do), and never back on.
     * In production one JVM runs one application; here it is turned on while the test runs, so
     * that what the test sees is this context's own setting.
     */
    @BeforeEach
    void introspectionOnJvmWide() {
        jvmWide = Introspection.enabledJvmWide(true);
    }

    @AfterEach
    void restoreJvmWideSwitch() {
        Introspection.enabledJvmWide(jvmWide);
    }

    @Test
    void introspectionWorks() {
        String token = usersOf(newTenant("local-introspection")).fundManager();

        List<Map<String, Object>> types = graphQl(token)
                .document("{ __schema { types { name } } }")
                .execute()
                .path("__schema.types")
                .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .get();

        assertThat(types).extracting(type -> type.get("name")).contains("Query", "Fund", "FundConnection");
    }

    /** With introspection on, validation errors keep graphql-java's full message, schema names included. */
    @Test
    void validationErrorsKeepTheirFullMessage() {
        String token = usersOf(newTenant("local-validation")).fundManager();

        graphQl(token)
                .document("{ funds { nodes { nam } } }")
                .execute()
                .errors()
                .satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getMessage())
                            .isEqualTo(
                                    "Validation error (FieldUndefined@[funds/nodes/nam]) : Field 'nam' in type 'Fund' is undefined");
                    assertThat(errors.get(0).getErrorType()).hasToString("ValidationError");
                });
    }

    @Test
    void servesGraphiQl() {
        WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .build()
                .get()
                .uri("/graphiql")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .value(status -> assertThat(status).isIn(200, 302, 307));
    }
}
