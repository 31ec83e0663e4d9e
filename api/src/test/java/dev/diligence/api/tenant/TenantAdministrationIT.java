package dev.diligence.api.tenant;

import static dev.diligence.api.support.ConnectionAssertions.assertBadRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.graphql.CursorCodec;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.domain.shared.paging.Cursor;
import dev.diligence.persistence.testing.TenantRows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Platform administrators register and archive firms; the firm's tokens follow its status at once. */
class TenantAdministrationIT extends ApiIntegrationTest {

    private static final String VIEWER_QUERY = "{\"query\":\"{ viewer { subject } }\"}";

    @Test
    void platformAdminCreatesAnActiveTenant() {
        String key = TenantRows.uniqueKey("admin-create");

        GraphQlTester.Response response = createTenant(key, "  Acme Capital Partners  ");

        response.path("createTenant.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("createTenant.tenant.key")
                .entity(String.class)
                .isEqualTo(key)
                .path("createTenant.tenant.name")
                .entity(String.class)
                .isEqualTo("Acme Capital Partners")
                .path("createTenant.tenant.status")
                .entity(String.class)
                .isEqualTo("ACTIVE")
                .path("createTenant.tenant.createdAt")
                .entity(String.class)
                .satisfies(at -> assertThat(at).isNotBlank());
        String id = response.path("createTenant.tenant.id").entity(String.class).get();
        assertThat(id).isNotBlank().doesNotContain(key);
        assertThat(isUuid(id)).as("id %s is a bare UUID", id).isFalse();
        assertThat(tenants())
                .anySatisfy(tenant -> assertThat(tenant)
                        .containsEntry("key", key)
                        .containsEntry("id", id)
                        .containsEntry("status", "ACTIVE"));
    }

    @Test
    void tokensOfANewTenantWorkRightAfterItIsCreated() {
        String key = TenantRows.uniqueKey("admin-fresh");
        String token = usersOf(key).fundManager();
        expectViewerStatus(token, HttpStatus.UNAUTHORIZED);

        createTenant(key, "Fresh Capital")
                .path("createTenant.userErrors")
                .entityList(Object.class)
                .hasSize(0);

        graphQl(token)
                .documentName("viewer")
                .execute()
                .path("viewer.tenant.key")
                .entity(String.class)
                .isEqualTo(key)
                .path("viewer.tenant.name")
                .entity(String.class)
                .isEqualTo("Fresh Capital")
                .path("viewer.tenant.status")
                .entity(String.class)
                .isEqualTo("ACTIVE");
    }

    @Test
    void rejectsDuplicateKey() {
        String key = newTenant("admin-dup");
        List<Map<String, Object>> before = tenants();

        createTenant(key, "Someone Else")
                .path("createTenant.tenant")
                .valueIsNull()
                .path("createTenant.userErrors")
                .entityList(Object.class)
                .hasSize(1)
                .path("createTenant.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("ALREADY_EXISTS")
                .path("createTenant.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("key");

        assertThat(tenants()).isEqualTo(before);
    }

    @ParameterizedTest(name = "rejects key \"{0}\"")
    @ValueSource(strings = {"Bad_Key", "a", "-x", "x--y", "x-", "1abc"})
    void rejectsInvalidKey(String key) {
        List<Map<String, Object>> before = tenants();

        createTenant(key, "Invalid Key Capital")
                .path("createTenant.tenant")
                .valueIsNull()
                .path("createTenant.userErrors")
                .entityList(Object.class)
                .hasSize(1)
                .path("createTenant.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID")
                .path("createTenant.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("key");

        assertThat(tenants()).isEqualTo(before);
    }

    @ParameterizedTest(name = "rejects name \"{0}\"")
    @ValueSource(strings = {"", "   "})
    void rejectsBlankName(String name) {
        String key = TenantRows.uniqueKey("admin-blank");
        List<Map<String, Object>> before = tenants();

        createTenant(key, name)
                .path("createTenant.tenant")
                .valueIsNull()
                .path("createTenant.userErrors")
                .entityList(Object.class)
                .hasSize(1)
                .path("createTenant.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("REQUIRED")
                .path("createTenant.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("name");

        assertThat(tenants()).isEqualTo(before);
        assertThat(tenantKeys()).doesNotContain(key);
    }

    @Test
    void archivingATenantLocksOutItsTokensAtOnce() {
        String key = newTenant("admin-archive");
        String token = usersOf(key).tenantAdmin();
        // the first request caches the tenant as active; archiving must evict that answer
        expectViewerStatus(token, HttpStatus.OK);

        archiveTenant(key)
                .path("archiveTenant.userErrors")
                .entityList(Object.class)
                .hasSize(0)
                .path("archiveTenant.tenant.key")
                .entity(String.class)
                .isEqualTo(key)
                .path("archiveTenant.tenant.status")
                .entity(String.class)
                .isEqualTo("ARCHIVED");

        assertThat(tenants())
                .anySatisfy(
                        tenant -> assertThat(tenant).containsEntry("key", key).containsEntry("status", "ARCHIVED"));
        expectViewerStatus(token, HttpStatus.UNAUTHORIZED);
        expectViewerStatus(usersOf(key).fundManager(), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void archivingAnArchivedTenantIsInvalidState() {
        String key = newTenant("admin-twice");
        archiveTenant(key)
                .path("archiveTenant.userErrors")
                .entityList(Object.class)
                .hasSize(0);
        List<Map<String, Object>> before = tenants();

        archiveTenant(key)
                .path("archiveTenant.tenant")
                .valueIsNull()
                .path("archiveTenant.userErrors")
                .entityList(Object.class)
                .hasSize(1)
                .path("archiveTenant.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE")
                .path("archiveTenant.userErrors[0].field")
                .valueIsNull();

        assertThat(tenants()).isEqualTo(before);
    }

    @ParameterizedTest(name = "archiving unknown key \"{0}\"")
    @ValueSource(strings = {"no-such-firm", "NOT A KEY"})
    void archivingAnUnknownKeyIsNotFound(String key) {
        List<Map<String, Object>> before = tenants();

        archiveTenant(key)
                .path("archiveTenant.tenant")
                .valueIsNull()
                .path("archiveTenant.userErrors")
                .entityList(Object.class)
                .hasSize(1)
                .path("archiveTenant.userErrors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND")
                .path("archiveTenant.userErrors[0].field")
                .entityList(String.class)
                .containsExactly("key");

        assertThat(tenants()).isEqualTo(before);
    }

    @Test
    void tenantsAreListedByKey() {
        String base = TenantRows.uniqueKey("admin-order");
        for (String suffix : List.of("c", "a", "d", "b")) {
            createTenant(base + "-" + suffix, "Order " + suffix)
                    .path("createTenant.userErrors")
                    .entityList(Object.class)
                    .hasSize(0);
        }

        List<String> keys = tenantKeys();

        assertThat(keys.stream().filter(key -> key.startsWith(base)))
                .containsExactly(base + "-a", base + "-b", base + "-c", base + "-d");
        assertThat(keys).doesNotHaveDuplicates();
    }

    /**
     * Keys are ASCII slugs, so "ordered by key" means character by character ('-' before digits before
     * letters), whatever collation the database was created with. A linguistic collation such as
     * en_US.UTF-8 ignores hyphens and would list {@code x-b} after {@code xa}.
     */
    @Test
    void tenantsAreListedByKeyCharacterByCharacter() {
        String base = TenantRows.uniqueKey("admin-bytes");
        List<String> created = List.of(base + "a", base + "-b", base + "0");
        for (String key : created) {
            createTenant(key, "Order " + key)
                    .path("createTenant.userErrors")
                    .entityList(Object.class)
                    .hasSize(0);
        }

        List<String> listed = tenantKeys().stream().filter(created::contains).toList();

        assertThat(listed).containsExactly(base + "-b", base + "0", base + "a");
    }

    /**
     * {@code firms} pages through every firm by key, forwards and backwards, as the deprecated
     * {@code tenants} lists them, and counts them all whatever page is read.
     */
    @Test
    void firmsArePagedByKeyAsTheDeprecatedListOrdersThem() {
        String base = TenantRows.uniqueKey("admin-pages");
        for (String suffix : List.of("c", "a", "d", "b")) {
            createTenant(base + "-" + suffix, "Page " + suffix)
                    .path("createTenant.userErrors")
                    .entityList(Object.class)
                    .hasSize(0);
        }

        List<String> keys = new ArrayList<>();
        Map<String, String> cursors = new HashMap<>();
        Map<String, Object> arguments = new HashMap<>(Map.of("first", 100));
        boolean more;
        do {
            GraphQlTester.Response page = firms(arguments);
            List<String> pageKeys = page.path("firms.edges[*].node.key")
                    .entityList(String.class)
                    .get();
            List<String> pageCursors =
                    page.path("firms.edges[*].cursor").entityList(String.class).get();
            page.path("firms.nodes[*].key")
                    .entityList(String.class)
                    .containsExactly(pageKeys.toArray(String[]::new))
                    .path("firms.pageInfo.hasPreviousPage")
                    .entity(Boolean.class)
                    .isEqualTo(!keys.isEmpty());
            for (int i = 0; i < pageKeys.size(); i++) {
                cursors.put(pageKeys.get(i), pageCursors.get(i));
            }
            keys.addAll(pageKeys);
            assertThat(page.path("firms.totalCount").entity(Long.class).get())
                    .isEqualTo(tenantKeys().size());
            more = page.path("firms.pageInfo.hasNextPage").entity(Boolean.class).get();
            arguments.put(
                    "after",
                    page.path("firms.pageInfo.endCursor").entity(String.class).get());
        } while (more);
        assertThat(keys).isEqualTo(tenantKeys());

        GraphQlTester.Response forwards = firms(Map.of("first", 2, "after", cursors.get(base + "-a")));
        forwards.path("firms.nodes[*].key")
                .entityList(String.class)
                .containsExactly(base + "-b", base + "-c")
                .path("firms.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("firms.pageInfo.hasPreviousPage")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("firms.pageInfo.startCursor")
                .entity(String.class)
                .isEqualTo(cursors.get(base + "-b"))
                .path("firms.pageInfo.endCursor")
                .entity(String.class)
                .isEqualTo(cursors.get(base + "-c"));
        GraphQlTester.Response backwards = firms(Map.of("last", 2, "before", cursors.get(base + "-d")));
        backwards
                .path("firms.nodes[*].key")
                .entityList(String.class)
                .containsExactly(base + "-b", base + "-c")
                .path("firms.nodes[*].name")
                .entityList(String.class)
                .containsExactly("Page b", "Page c")
                .path("firms.nodes[*].status")
                .entityList(String.class)
                .containsExactly("ACTIVE", "ACTIVE")
                .path("firms.pageInfo.hasNextPage")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("firms.pageInfo.hasPreviousPage")
                .entity(Boolean.class)
                .isEqualTo(true);
        firms(Map.of("last", 1, "before", cursors.get(base + "-b")))
                .path("firms.nodes[*].key")
                .entityList(String.class)
                .containsExactly(base + "-a");
    }

    @Test
    void firmsRefusesPageSizesOutsideTheLimitsAndCursorsOfOtherLists() {
        String companyCursor = CursorCodec.encode(new Cursor("NAME_ASC", "Acme", UUID.randomUUID()));
        for (Map<String, Object> arguments : List.<Map<String, Object>>of(
                Map.of("first", 101),
                Map.of("last", 101),
                Map.of("first", -1),
                Map.of("first", 1, "last", 1),
                Map.of("first", 1, "after", companyCursor),
                Map.of("first", 1, "after", "bm9uc2Vuc2U"))) {
            assertBadRequest(firms(arguments));
        }
        newTenant("admin-limits");
        List<String> keys = tenantKeys();
        firms(Map.of("first", 100))
                .path("firms.nodes[*].key")
                .entityList(String.class)
                .containsExactly(keys.subList(0, Math.min(100, keys.size())).toArray(String[]::new));
        firms(Map.of())
                .path("firms.nodes[*].key")
                .entityList(String.class)
                .containsExactly(keys.subList(0, Math.min(20, keys.size())).toArray(String[]::new));
        firms(Map.of("first", 0))
                .path("firms.nodes")
                .entityList(Object.class)
                .hasSize(0)
                .path("firms.totalCount")
                .entity(Long.class)
                .isEqualTo((long) keys.size());
    }

    private GraphQlTester.Response firms(Map<String, Object> arguments) {
        GraphQlTester.Request<?> request = graphQl(platformAdminToken()).documentName("firms");
        arguments.forEach(request::variable);
        return request.execute();
    }

    private GraphQlTester.Response createTenant(String key, String name) {
        return graphQl(platformAdminToken())
                .documentName("createTenant")
                .variable("input", Map.of("key", key, "name", name))
                .execute();
    }

    private GraphQlTester.Response archiveTenant(String key) {
        return graphQl(platformAdminToken())
                .documentName("archiveTenant")
                .variable("input", Map.of("key", key))
                .execute();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Map<String, Object>> tenants() {
        return (List) graphQl(platformAdminToken())
                .documentName("tenants")
                .execute()
                .path("tenants")
                .entityList(Map.class)
                .get();
    }

    private List<String> tenantKeys() {
        return tenants().stream().map(tenant -> (String) tenant.get("key")).toList();
    }

    private void expectViewerStatus(String token, HttpStatus status) {
        http().post()
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(VIEWER_QUERY)
                .exchange()
                .expectStatus()
                .isEqualTo(status);
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }
}
