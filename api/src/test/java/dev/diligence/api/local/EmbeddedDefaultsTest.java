package dev.diligence.api.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The embedded default engages only when both the database URL and the issuer are absent. */
class EmbeddedDefaultsTest {

    private static final String DATABASE = "spring.datasource.url";
    private static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    private static final String KEY_SET = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";

    @Test
    void engagesWithNeitherDatabaseNorIssuer() {
        assertThat(EmbeddedDefaults.shouldEngage(new MockEnvironment())).isTrue();
    }

    @Test
    void staysOffWhenOnlyTheDatabaseIsConfigured() {
        assertThat(EmbeddedDefaults.shouldEngage(new MockEnvironment().withProperty(DATABASE, "jdbc:postgresql://db/x"))).isFalse();
    }

    @Test
    void staysOffWhenOnlyTheIssuerIsConfigured() {
        assertThat(EmbeddedDefaults.shouldEngage(new MockEnvironment().withProperty(ISSUER, "https://id.example.com"))).isFalse();
        assertThat(EmbeddedDefaults.shouldEngage(new MockEnvironment().withProperty(KEY_SET, "https://id.example.com/keys"))).isFalse();
    }

    @Test
    void neverEngagesUnderTheProdProfile() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");
        assertThat(EmbeddedDefaults.shouldEngage(production)).isFalse();
    }

    @Test
    void canBeSwitchedOff() {
        assertThat(EmbeddedDefaults.shouldEngage(new MockEnvironment().withProperty("diligence.embedded.enabled", "false"))).isFalse();
    }

    @Test
    void blankSettingsCountAsAbsent() {
        assertThat(EmbeddedDefaults.shouldEngage(new MockEnvironment().withProperty(DATABASE, " ").withProperty(ISSUER, ""))).isTrue();
    }
}
