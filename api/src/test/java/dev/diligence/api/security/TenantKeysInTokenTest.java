package dev.diligence.api.security;

import static dev.diligence.api.security.TokenProperties.TenantSource.CLAIM;
import static dev.diligence.api.security.TokenProperties.TenantSource.ORGANIZATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which firm keys a token names, from the tenant claim or from Keycloak's organization claim. */
class TenantKeysInTokenTest {

    @Test
    void readsTheTenantClaimAsAStringOrAList() {
        assertThat(TenantKeysInToken.of(Map.of("tenant", "acme"), CLAIM, "tenant"))
                .containsExactly("acme");
        assertThat(TenantKeysInToken.of(Map.of("tenant", List.of("acme")), CLAIM, "tenant"))
                .containsExactly("acme");
        assertThat(TenantKeysInToken.of(Map.of("tenant", List.of("acme", "globex")), CLAIM, "tenant"))
                .containsExactly("acme", "globex");
        assertThat(TenantKeysInToken.of(Map.of("firm", "acme"), CLAIM, "firm")).containsExactly("acme");
    }

    @Test
    void aMissingOrBlankTenantClaimNamesNoKey() {
        assertThat(TenantKeysInToken.of(Map.of(), CLAIM, "tenant")).isEmpty();
        assertThat(TenantKeysInToken.of(Map.of("tenant", " "), CLAIM, "tenant")).isEmpty();
        assertThat(TenantKeysInToken.of(Map.of("tenant", List.of()), CLAIM, "tenant"))
                .isEmpty();
        assertThat(TenantKeysInToken.of(Map.of("tenant", 42), CLAIM, "tenant")).isEmpty();
    }

    @Test
    void theTenantSourceIgnoresTheOrganizationClaimAndViceVersa() {
        Map<String, Object> claims = Map.of("tenant", "acme", "organization", List.of("globex"));

        assertThat(TenantKeysInToken.of(claims, CLAIM, "tenant")).containsExactly("acme");
        assertThat(TenantKeysInToken.of(claims, ORGANIZATION, "tenant")).containsExactly("globex");
    }

    @Test
    void readsOrganizationAliasesFromAList() {
        assertThat(TenantKeysInToken.of(Map.of("organization", List.of("acme")), ORGANIZATION, "tenant"))
                .containsExactly("acme");
        assertThat(TenantKeysInToken.of(Map.of("organization", List.of("acme", "globex")), ORGANIZATION, "tenant"))
                .containsExactly("acme", "globex");
    }

    @Test
    void readsOrganizationAliasesFromAMapOfAliasToAttributes() {
        Map<String, Object> one =
                Map.of("organization", Map.of("acme", Map.of("id", "5f1c0c8e-1d2b-4b7e-9a43-0c6f3e1d2a10")));
        Map<String, Object> organizations = new LinkedHashMap<>();
        organizations.put("acme", Map.of("id", "5f1c0c8e-1d2b-4b7e-9a43-0c6f3e1d2a10"));
        organizations.put("globex", Map.of("id", "0b7a6a43-5a8d-4a53-8f0e-2c1f9d7e6b21", "region", List.of("eu")));

        assertThat(TenantKeysInToken.of(one, ORGANIZATION, "tenant")).containsExactly("acme");
        assertThat(TenantKeysInToken.of(Map.of("organization", organizations), ORGANIZATION, "tenant"))
                .containsExactly("acme", "globex");
    }

    @Test
    void noOrganizationNamesNoKey() {
        assertThat(TenantKeysInToken.of(Map.of(), ORGANIZATION, "tenant")).isEmpty();
        assertThat(TenantKeysInToken.of(Map.of("organization", List.of()), ORGANIZATION, "tenant"))
                .isEmpty();
        assertThat(TenantKeysInToken.of(Map.of("organization", Map.of()), ORGANIZATION, "tenant"))
                .isEmpty();
    }

    /** A list with one usable and one unusable entry must not pass for a token naming one firm. */
    @Test
    void unusableEntriesCountAsKeysSoThatTheyCannotBeIgnored() {
        assertThat(TenantKeysInToken.of(Map.of("organization", Arrays.asList("acme", null)), ORGANIZATION, "tenant"))
                .hasSize(2);
        assertThat(TenantKeysInToken.of(Map.of("organization", List.of("acme", 7)), ORGANIZATION, "tenant"))
                .hasSize(2);
        assertThat(TenantKeysInToken.of(Map.of("tenant", List.of("acme", " ")), CLAIM, "tenant"))
                .hasSize(2);
        assertThat(TenantKeysInToken.of(Map.of("tenant", List.of("acme", "acme")), CLAIM, "tenant"))
                .containsExactly("acme");
    }
}
