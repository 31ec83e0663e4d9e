package dev.diligence.api.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.support.ApiIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewerIT extends ApiIntegrationTest {

    @Test
    void viewerTellsSubjectNameTenantAndRoles() {
        String tenant = newTenant("viewer");
        String token = ISSUER.token("frank", tenant, "fund-manager", "assessor", "not-a-role");

        graphQl(token)
                .documentName("viewer")
                .execute()
                .path("viewer.subject")
                .entity(String.class)
                .isEqualTo("frank")
                .path("viewer.name")
                .entity(String.class)
                .isEqualTo("User frank")
                .path("viewer.tenant.key")
                .entity(String.class)
                .isEqualTo(tenant)
                .path("viewer.tenant.status")
                .entity(String.class)
                .isEqualTo("ACTIVE")
                .path("viewer.roles")
                .entityList(String.class)
                .containsExactly("ASSESSOR", "FUND_MANAGER");
    }

    @Test
    void rolesOfTheConfiguredClientCountBesideRealmRoles() {
        String tenant = newTenant("viewer-client");
        String token = ISSUER.token(
                "carla",
                "diligence-api",
                Map.of(
                        "tenant",
                        tenant,
                        "resource_access",
                        Map.of(
                                "diligence-api", Map.of("roles", List.of("reviewer")),
                                "some-other-client", Map.of("roles", List.of("tenant-admin")))));

        List<String> roles = graphQl(token)
                .documentName("viewer")
                .execute()
                .path("viewer.roles")
                .entityList(String.class)
                .get();
        assertThat(roles).containsExactly("REVIEWER");
    }

    @Test
    void aPlatformAdministratorNeedsNoTenant() {
        graphQl(platformAdminToken())
                .documentName("viewer")
                .execute()
                .path("viewer.tenant")
                .valueIsNull()
                .path("viewer.roles")
                .entityList(String.class)
                .containsExactly("PLATFORM_ADMIN");
    }
}
