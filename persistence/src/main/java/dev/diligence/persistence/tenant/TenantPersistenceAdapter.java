package dev.diligence.persistence.tenant;

import dev.diligence.domain.shared.paging.Cursor;
import dev.diligence.domain.shared.paging.InvalidCursorException;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import dev.diligence.domain.tenant.Tenant;
import dev.diligence.domain.tenant.TenantCursors;
import dev.diligence.domain.tenant.TenantId;
import dev.diligence.domain.tenant.TenantKey;
import dev.diligence.domain.tenant.TenantStatus;
import dev.diligence.domain.tenant.Tenants;
import dev.diligence.persistence.sql.Pages;
import dev.diligence.persistence.sql.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores tenants in the platform table {@code tenants} (not tenant-owned: no {@code tenant_id}, no
 * row-level security). Callers provide the transaction.
 */
@Component
class TenantPersistenceAdapter implements Tenants {

    private static final String SELECT = "select id, key, name, status, created_at from tenants";

    private final NamedParameterJdbcTemplate jdbc;

    TenantPersistenceAdapter(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Tenant> findByKey(TenantKey key) {
        return one(SELECT + " where key = :key", new MapSqlParameterSource("key", key.value()));
    }

    @Override
    public Optional<Tenant> findById(TenantId id) {
        return one(SELECT + " where id = :id", new MapSqlParameterSource("id", id.value()));
    }

    @Override
    public List<Tenant> all() {
        return jdbc.query(SELECT + " order by key", (rs, index) -> tenant(rs));
    }

    /** Keyset pages over the unique key (bytewise, V004): {@code key > :after} forwards, {@code key < :before} backwards. */
    @Override
    public Slice<Tenant> page(PageQuery page) {
        if (page.limit() == 0) {
            return new Slice<>(List.of(), false);
        }
        MapSqlParameterSource values = new MapSqlParameterSource("window", page.limit() + 1);
        String after = "";
        if (page.from().isPresent()) {
            after = " where key " + (page.backward() ? "<" : ">") + " :key";
            values.addValue("key", key(page.from().get()));
        }
        List<Tenant> rows = jdbc.query(
                SELECT + after + " order by key " + (page.backward() ? "desc" : "asc") + " limit :window",
                values,
                (rs, index) -> tenant(rs));
        return Pages.slice(rows, page);
    }

    @Override
    public long count() {
        Long count = jdbc.getJdbcTemplate().queryForObject("select count(*) from tenants", Long.class);
        return count == null ? 0 : count;
    }

    private static String key(Cursor cursor) {
        if (!cursor.ordering().equals(TenantCursors.ORDERING)) {
            throw new InvalidCursorException("the cursor belongs to another list");
        }
        return cursor.sortValue();
    }

    @Override
    public boolean keyExists(TenantKey key) {
        return findByKey(key).isPresent();
    }

    @Override
    public void add(Tenant tenant) {
        jdbc.update(
                """
                insert into tenants (id, key, name, status, created_at, updated_at)
                values (:id, :key, :name, :status, :createdAt, :createdAt)""",
                new MapSqlParameterSource("id", tenant.id().value())
                        .addValue("key", tenant.key().value())
                        .addValue("name", tenant.name())
                        .addValue("status", tenant.status().name())
                        .addValue("createdAt", Timestamps.of(tenant.createdAt())));
    }

    /** The status is all that changes of a tenant. */
    @Override
    public void update(Tenant tenant) {
        int changed = jdbc.update(
                "update tenants set status = :status, updated_at = :now where id = :id",
                new MapSqlParameterSource("id", tenant.id().value())
                        .addValue("status", tenant.status().name())
                        .addValue("now", Timestamps.of(Instant.now())));
        if (changed == 0) {
            throw new IllegalStateException("tenant " + tenant.id() + " does not exist");
        }
    }

    private Optional<Tenant> one(String sql, MapSqlParameterSource values) {
        return jdbc.query(sql, values, (rs, index) -> tenant(rs)).stream().findFirst();
    }

    private static Tenant tenant(ResultSet rs) throws SQLException {
        return new Tenant(
                new TenantId(rs.getObject("id", UUID.class)),
                new TenantKey(rs.getString("key")),
                rs.getString("name"),
                TenantStatus.valueOf(rs.getString("status")),
                Timestamps.instant(rs, "created_at"));
    }
}
