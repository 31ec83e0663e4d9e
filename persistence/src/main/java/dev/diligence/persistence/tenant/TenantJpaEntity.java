package dev.diligence.persistence.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of the platform table {@code tenants}; not tenant-owned, so it has no {@code @TenantId}. */
@Entity
@Table(name = "tenants")
public class TenantJpaEntity {

    @Id
    private UUID id;

    @Column(name = "key", nullable = false, updatable = false)
    private String key;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TenantJpaEntity() {}

    TenantJpaEntity(UUID id, String key, String name, String status, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.key = key;
        this.name = name;
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    UUID getId() {
        return id;
    }

    String getKey() {
        return key;
    }

    String getName() {
        return name;
    }

    String getStatus() {
        return status;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    void changeStatus(String status, Instant at) {
        this.status = status;
        this.updatedAt = at;
    }
}
