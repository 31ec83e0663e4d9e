package dev.diligence.api.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

/**
 * The embedded default engages only when both the database URL and the issuer are absent; it logs
 * human-readable lines unless the operator's environment asks for a format.
 */
class EmbeddedDefaultsTest {

    private static final String DATABASE = "spring.datasource.url";
    private static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    private static final String KEY_SET = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";
    private static final String FORMAT = "logging.structured.format.console";

    @Test
    void engagesWithNeitherDatabaseNorIssuer() {
        assertThat(EmbeddedDefaults.shouldEngage(new MockEnvironment())).isTrue();
    }

    @Test
    void staysOffWhenOnlyTheDatabaseIsConfigured() {
        assertThat(EmbeddedDefaults.shouldEngage(
                        new MockEnvironment().withProperty(DATABASE, "jdbc:postgresql://db/x")))
                .isFalse();
    }

    @Test
    void staysOffWhenOnlyTheIssuerIsConfigured() {
        assertThat(EmbeddedDefaults.shouldEngage(new MockEnvironment().withProperty(ISSUER, "https://id.example.com")))
                .isFalse();
        assertThat(EmbeddedDefaults.shouldEngage(
                        new MockEnvironment().withProperty(KEY_SET, "https://id.example.com/keys")))
                .isFalse();
    }

    @Test
    void neverEngagesUnderTheProdProfile() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");
        assertThat(EmbeddedDefaults.shouldEngage(production)).isFalse();
    }

    @Test
    void canBeSwitchedOff() {
        assertThat(EmbeddedDefaults.shouldEngage(
                        new MockEnvironment().withProperty("diligence.embedded.enabled", "false")))
                .isFalse();
    }

    @Test
    void blankSettingsCountAsAbsent() {
        assertThat(EmbeddedDefaults.shouldEngage(
                        new MockEnvironment().withProperty(DATABASE, " ").withProperty(ISSUER, "")))
                .isTrue();
    }

    @Test
    void logsHumanReadableLinesOverTheConfigurationFiles() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addLast(new MapPropertySource("application.yaml", Map.of(FORMAT, "ecs")));

        EmbeddedDefaults.logHumanReadable(environment);

        assertThat(environment.getProperty(FORMAT)).isEmpty();
    }

    @Test
    void keepsTheFormatTheEnvironmentAsksFor() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new MapPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of(FORMAT, "logstash")));

        EmbeddedDefaults.logHumanReadable(environment);

        assertThat(environment.getProperty(FORMAT)).isEqualTo("logstash");
    }
}
