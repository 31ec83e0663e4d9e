package dev.diligence.api.local;

import dev.diligence.persistence.replica.ReplicaProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * The embedded default: when neither a database URL nor a token issuer is configured, and no
 * {@code prod} profile is active, starts an embedded PostgreSQL and an embedded token issuer and
 * points the application at them; {@link DemoData} then fills in demo firms, users and funds.
 *
 * <p>Contract: it engages only when <em>both</em> settings are absent, so a deployment that forgets
 * one of them fails at startup instead of quietly running on throw-away infrastructure. It can also
 * be switched off with {@code diligence.embedded.enabled=false}.
 *
 * <p>It also makes log lines human-readable, as the {@code local} profile does, unless the operator
 * chose a format in the environment, a system property or on the command line
 * ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} keeps JSON). It runs before the logging system is
 * initialized, which reads the setting.
 */
public class EmbeddedDefaults implements EnvironmentPostProcessor, Ordered {

    static final String ACTIVE = "diligence.embedded.active";
    static final String ISSUER_PORT = "diligence.embedded.issuer-port";
    static final String TOKEN_ENDPOINT = "diligence.embedded.token-endpoint";
    static final String STRUCTURED_CONSOLE_FORMAT = "logging.structured.format.console";

    private final Log log;

    public EmbeddedDefaults(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedDefaults.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!shouldEngage(environment)) {
            return;
        }
        if (!developmentKitPresent()) {
            log.warn("No database URL and no token issuer configured, and this is the production jar, which has no"
                    + " embedded PostgreSQL and token issuer: configure spring.datasource.url and"
                    + " spring.security.oauth2.resourceserver.jwt.issuer-uri, or run diligence-api.jar");
            return;
        }
        log.info("No database URL and no token issuer configured: starting the embedded PostgreSQL and token issuer");
        EmbeddedDatabase database = EmbeddedDatabase.start(
                environment.getProperty("spring.flyway.user", "diligence_owner"),
                environment.getProperty("spring.datasource.username", "diligence_app"));
        EmbeddedIssuer issuer = EmbeddedIssuer.start(
                environment.getProperty(ISSUER_PORT, Integer.class, 8090),
                environment
                        .getProperty("spring.security.oauth2.resourceserver.jwt.audiences", "diligence-api")
                        .split(",")[0]
                        .strip(),
                environment.getProperty("diligence.security.tenant-claim", "tenant"),
                environment.getProperty("diligence.security.roles-client", "diligence-api"));
        ApplicationListener<ContextClosedEvent> shutdown = event -> {
            issuer.close();
            database.close();
        };
        application.addListeners(shutdown);

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(ACTIVE, true);
        properties.put(TOKEN_ENDPOINT, issuer.tokenEndpoint());
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.roles().app());
        properties.put("spring.datasource.password", database.roles().appPassword());
        properties.put("spring.flyway.user", database.roles().owner());
        properties.put("spring.flyway.password", database.roles().ownerPassword());
        // the embedded database has no replica, whatever the environment says
        properties.put(ReplicaProperties.URL, "");
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuerUri());
        properties.put("spring.graphql.graphiql.enabled", true);
        properties.put("spring.graphql.schema.introspection.enabled", true);
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedDefaults", properties));
        logHumanReadable(environment);
    }

    /**
     * Empties {@code logging.structured.format.console} below the operator's own settings (system
     * environment and above) but above every configuration file, where {@code application.yaml} asks for JSON.
     */
    static void logHumanReadable(ConfigurableEnvironment environment) {
        environment
                .getPropertySources()
                .addAfter(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new MapPropertySource("embeddedLogging", Map.of(STRUCTURED_CONSOLE_FORMAT, "")));
    }

    /**
     * Whether this jar carries the development kit (the embedded PostgreSQL and the mock token
     * issuer): {@code diligence-api.jar} does, the production jar {@code diligence-api-slim.jar} does not.
     */
    static boolean developmentKitPresent() {
        ClassLoader loader = EmbeddedDefaults.class.getClassLoader();
        return ClassUtils.isPresent("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", loader)
                && ClassUtils.isPresent("no.nav.security.mock.oauth2.MockOAuth2Server", loader);
    }

    /** True when the embedded default may run: no database URL, no issuer, no prod profile, not disabled. */
    static boolean shouldEngage(Environment environment) {
        return environment.getProperty("diligence.embedded.enabled", Boolean.class, true)
                && !environment.acceptsProfiles(Profiles.of("prod"))
                && !StringUtils.hasText(environment.getProperty("spring.datasource.url"))
                && !StringUtils.hasText(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                && !StringUtils.hasText(
                        environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"));
    }
}
