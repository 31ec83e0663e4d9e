package dev.diligence.api.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diligence.api.security.Role;
import dev.diligence.api.security.SystemCaller;
import dev.diligence.api.security.TenantDirectory;
import dev.diligence.api.support.ApiIntegrationTest;
import dev.diligence.api.support.TestIssuer;
import dev.diligence.domain.tenant.Tenant;
import dev.diligence.domain.tenant.TenantKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Callers are remembered in their firm as their tokens describe them, written only when new or
 * changed, and subjects are shown as people: by name when known, by subject when never seen.
 */
class PeopleIT extends ApiIntegrationTest {

    @Autowired
    private PeopleService people;

    @Autowired
    private TenantDirectory directory;

    private String tenant;
    private String subject;

    @BeforeEach
    void aFirmAndAPerson() {
        tenant = newTenant("people");
        subject = "person-" + UUID.randomUUID();
    }

    @Test
    void aCallerWhoActsIsRememberedWithNameAndEmail() {
        act(token(subject, tenant, "Grace Hopper", "grace@example.com"));

        PersonRow row = personRow(tenant, subject).orElseThrow();
        assertThat(row.displayName()).isEqualTo("Grace Hopper");
        assertThat(row.email()).isEqualTo("grace@example.com");
        assertThat(row.firstSeenAt()).isEqualTo(row.lastSeenAt());
    }

    @Test
    void aChangedNameClaimIsUpdated() {
        act(token(subject, tenant, "Grace Hopper", "grace@example.com"));
        PersonRow first = personRow(tenant, subject).orElseThrow();

        act(token(subject, tenant, "Rear Admiral Grace Hopper", "grace@navy.example"));

        PersonRow changed = personRow(tenant, subject).orElseThrow();
        assertThat(changed.displayName()).isEqualTo("Rear Admiral Grace Hopper");
        assertThat(changed.email()).isEqualTo("grace@navy.example");
        assertThat(changed.firstSeenAt()).isEqualTo(first.firstSeenAt());
        assertThat(changed.lastSeenAt()).isAfterOrEqualTo(first.lastSeenAt());
    }

    @Test
    void anUnchangedCallerIsNotWrittenAgain() {
        act(token(subject, tenant, "Grace Hopper", "grace@example.com"));
        OffsetDateTime seenAt = personRow(tenant, subject).orElseThrow().lastSeenAt();

        act(token(subject, tenant, "Grace Hopper", "grace@example.com"));

        assertThat(personRow(tenant, subject).orElseThrow().lastSeenAt()).isEqualTo(seenAt);
    }

    @Test
    void aCallerWithoutNameOrEmailClaimIsRememberedBySubject() {
        act(ISSUER.token(
                subject,
                TestIssuer.AUDIENCE,
                Map.of("tenant", tenant, "realm_access", Map.of("roles", List.of("integration")))));

        PersonRow row = personRow(tenant, subject).orElseThrow();
        assertThat(row.displayName()).isEqualTo(subject);
        assertThat(row.email()).isNull();
    }

    @Test
    void aCallerIsRememberedInTheirOwnFirmOnly() {
        String otherFirm = newTenant("people-other");

        act(token(subject, tenant, "Grace Hopper", "grace@example.com"));

        assertThat(personRow(tenant, subject)).isPresent();
        assertThat(personRow(otherFirm, subject)).isEmpty();
    }

    @Test
    void platformAdministratorsWithoutAFirmAreNotRemembered() {
        act(ISSUER.token(subject, null, "platform-admin"));

        assertThat(rowsOfSubject(subject)).isZero();
    }

    @Test
    void subjectsAreShownByNameWhenKnownAndBySubjectWhenNeverSeen() {
        act(token(subject, tenant, "Grace Hopper", "grace@example.com"));
        String stranger = "stranger-" + UUID.randomUUID();

        Map<String, List<PersonView>> views = asFundManagerOf(
                tenant, () -> people.peopleOf(List.of("editors"), source -> List.of(subject, stranger, subject)));

        PersonView grace = new PersonView(subject, "Grace Hopper", "grace@example.com");
        assertThat(views.get("editors")).containsExactly(grace, new PersonView(stranger, stranger, null), grace);
    }

    @Test
    void aSourceNamingNobodyHasNoPerson() {
        act(token(subject, tenant, "Grace Hopper", "grace@example.com"));
        Map<String, String> leads = new HashMap<>();
        leads.put("led", subject);
        leads.put("unled", null);

        Map<String, PersonView> views =
                asFundManagerOf(tenant, () -> people.personOf(List.of("led", "unled"), leads::get));

        assertThat(views).containsOnlyKeys("led");
        assertThat(views.get("led").name()).isEqualTo("Grace Hopper");
    }

    @Test
    void peopleOfAnotherFirmAreShownAsStrangers() {
        String otherFirm = newTenant("people-other");
        act(token(subject, otherFirm, "Grace Hopper", "grace@example.com"));

        Map<String, PersonView> views =
                asFundManagerOf(tenant, () -> people.personOf(List.of(subject), Function.identity()));

        assertThat(views.get(subject)).isEqualTo(new PersonView(subject, subject, null));
    }

    @Test
    void onlyReadersOfAFirmMayLookUpPeople() {
        assertThatThrownBy(() -> SystemCaller.callAs(
                        "platform",
                        Optional.empty(),
                        Set.of(Role.PLATFORM_ADMIN),
                        () -> people.personOf(List.of(subject), Function.identity())))
                .isInstanceOf(AccessDeniedException.class);
    }

    private void act(String token) {
        graphQl(token)
                .documentName("viewer")
                .execute()
                .path("viewer.subject")
                .entity(String.class)
                .isEqualTo(subject);
    }

    private static String token(String subject, String tenantKey, String name, String email) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("tenant", tenantKey);
        claims.put("name", name);
        claims.put("email", email);
        claims.put("realm_access", Map.of("roles", List.of("assessor")));
        return ISSUER.token(subject, TestIssuer.AUDIENCE, claims);
    }

    private <T> T asFundManagerOf(String tenantKey, Supplier<T> work) {
        Tenant firm = directory.activeTenant(new TenantKey(tenantKey)).orElseThrow();
        return SystemCaller.callAs("people-test", Optional.of(firm), Set.of(Role.FUND_MANAGER), work);
    }

    private record PersonRow(String displayName, String email, OffsetDateTime firstSeenAt, OffsetDateTime lastSeenAt) {}

    private static Optional<PersonRow> personRow(String tenantKey, String subject) {
        try (Connection admin = DB.connectAsAdmin();
                PreparedStatement query = admin.prepareStatement("""
                        select p.display_name, p.email, p.first_seen_at, p.last_seen_at
                        from people p join tenants t on t.id = p.tenant_id
                        where t.key = ? and p.subject = ?""")) {
            query.setString(1, tenantKey);
            query.setString(2, subject);
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? Optional.of(new PersonRow(
                                row.getString(1),
                                row.getString(2),
                                row.getObject(3, OffsetDateTime.class),
                                row.getObject(4, OffsetDateTime.class)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long rowsOfSubject(String subject) {
        try (Connection admin = DB.connectAsAdmin();
                PreparedStatement query = admin.prepareStatement("select count(*) from people where subject = ?")) {
            query.setString(1, subject);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
