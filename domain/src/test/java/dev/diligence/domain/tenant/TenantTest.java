package dev.diligence.domain.tenant;

import static dev.diligence.domain.shared.ViolationAssertions.assertThatRuleViolation;
import static dev.diligence.domain.shared.ViolationAssertions.generalViolation;
import static dev.diligence.domain.shared.ViolationAssertions.violation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.shared.ViolationCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private static final String KEY = "northwind-capital";
    private static final String NAME = "Northwind Capital";

    @Test
    void registersAnActiveTenant() {
        Tenant tenant = Tenant.register(KEY, NAME, NOW);

        assertThat(tenant.id()).isNotNull();
        assertThat(tenant.key()).isEqualTo(new TenantKey(KEY));
        assertThat(tenant.name()).isEqualTo(NAME);
        assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(tenant.isActive()).isTrue();
        assertThat(tenant.createdAt()).isEqualTo(NOW);
    }

    @Test
    void trimsTheName() {
        assertThat(Tenant.register(KEY, "  Northwind Capital \t", NOW).name()).isEqualTo(NAME);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void requiresAKey(String key) {
        assertThatRuleViolation(() -> Tenant.register(key, NAME, NOW))
                .containsExactly(violation("key", ViolationCode.REQUIRED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Northwind", "1northwind", "north--wind", "northwind-", "a", " northwind "})
    void rejectsAMalformedKey(String key) {
        assertThatRuleViolation(() -> Tenant.register(key, NAME, NOW))
                .containsExactly(violation("key", ViolationCode.INVALID));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void requiresAName(String name) {
        assertThatRuleViolation(() -> Tenant.register(KEY, name, NOW))
                .containsExactly(violation("name", ViolationCode.REQUIRED));
    }

    @Test
    void rejectsANameLongerThan200Characters() {
        assertThatRuleViolation(() -> Tenant.register(KEY, "n".repeat(201), NOW))
                .containsExactly(violation("name", ViolationCode.TOO_LONG));
    }

    @Test
    void acceptsA200CharacterNameSurroundedBySpace() {
        String name = "n".repeat(200);

        assertThat(Tenant.register(KEY, "  " + name + "  ", NOW).name()).isEqualTo(name);
    }

    @Test
    void reportsAllViolationsAtOnce() {
        assertThatRuleViolation(() -> Tenant.register("Not A Slug", " ", NOW))
                .containsExactlyInAnyOrder(
                        violation("key", ViolationCode.INVALID), violation("name", ViolationCode.REQUIRED));
    }

    @Test
    void archivingKeepsEverythingButTheStatus() {
        Tenant tenant = Tenant.register(KEY, NAME, NOW);

        Tenant archived = tenant.archive();

        assertThat(archived.status()).isEqualTo(TenantStatus.ARCHIVED);
        assertThat(archived.isActive()).isFalse();
        assertThat(archived).usingRecursiveComparison().ignoringFields("status").isEqualTo(tenant);
        assertThat(tenant.status()).as("the original is unchanged").isEqualTo(TenantStatus.ACTIVE);
    }

    @Test
    void refusesToArchiveTwice() {
        Tenant archived = Tenant.register(KEY, NAME, NOW).archive();

        assertThatRuleViolation(archived::archive).containsExactly(generalViolation(ViolationCode.INVALID_STATE));
    }
}
