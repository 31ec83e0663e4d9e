package dev.diligence.persistence.company;

import dev.diligence.domain.company.CompanyStage;
import dev.diligence.domain.company.Sector;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** Row of the tenant-owned table {@code companies}. Hibernate fills and filters {@code tenant_id}. */
@Entity
@Table(name = "companies")
public class CompanyJpaEntity {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String name;

    private String website;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Sector sector;

    @Column(name = "headquarters_country", nullable = false)
    private String headquartersCountry;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CompanyStage stage;

    @Column(name = "employee_count")
    private Integer employeeCount;

    private String description;

    @Column(nullable = false)
    private boolean archived;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CompanyJpaEntity() {}

    CompanyJpaEntity(UUID id) {
        this.id = id;
    }

    UUID getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getWebsite() {
        return website;
    }

    Sector getSector() {
        return sector;
    }

    String getHeadquartersCountry() {
        return headquartersCountry;
    }

    CompanyStage getStage() {
        return stage;
    }

    Integer getEmployeeCount() {
        return employeeCount;
    }

    String getDescription() {
        return description;
    }

    boolean isArchived() {
        return archived;
    }

    long getVersion() {
        return version;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    /** Copies every mutable attribute; identity and version stay. */
    void assign(
            String name,
            String website,
            Sector sector,
            String headquartersCountry,
            CompanyStage stage,
            Integer employeeCount,
            String description,
            boolean archived,
            Instant createdAt,
            Instant updatedAt) {
        this.name = name;
        this.website = website;
        this.sector = sector;
        this.headquartersCountry = headquartersCountry;
        this.stage = stage;
        this.employeeCount = employeeCount;
        this.description = description;
        this.archived = archived;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }
}
