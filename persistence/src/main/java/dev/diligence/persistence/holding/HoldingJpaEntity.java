package dev.diligence.persistence.holding;

import dev.diligence.domain.holding.DealStage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * Row of the tenant-owned table {@code holdings}. Fund and company are plain ids: lists of
 * holdings and their companies are loaded in batches, never through lazy associations.
 */
@Entity
@Table(name = "holdings")
public class HoldingJpaEntity {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "fund_id", nullable = false, updatable = false)
    private UUID fundId;

    @Column(name = "company_id", nullable = false, updatable = false)
    private UUID companyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "deal_stage", nullable = false)
    private DealStage dealStage;

    @Column(name = "ownership_percentage", precision = 7, scale = 4)
    private BigDecimal ownershipPercentage;

    @Column(name = "entry_date")
    private LocalDate entryDate;

    @Column(name = "exit_date")
    private LocalDate exitDate;

    @Column(name = "deal_lead")
    private String dealLead;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected HoldingJpaEntity() {}

    HoldingJpaEntity(UUID id, UUID fundId, UUID companyId) {
        this.id = id;
        this.fundId = fundId;
        this.companyId = companyId;
    }

    UUID getId() {
        return id;
    }

    UUID getFundId() {
        return fundId;
    }

    UUID getCompanyId() {
        return companyId;
    }

    DealStage getDealStage() {
        return dealStage;
    }

    BigDecimal getOwnershipPercentage() {
        return ownershipPercentage;
    }

    LocalDate getEntryDate() {
        return entryDate;
    }

    LocalDate getExitDate() {
        return exitDate;
    }

    String getDealLead() {
        return dealLead;
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

    /** Copies the terms and timestamps; identity, fund, company and version stay. */
    void assign(
            DealStage dealStage,
            BigDecimal ownershipPercentage,
            LocalDate entryDate,
            LocalDate exitDate,
            String dealLead,
            Instant createdAt,
            Instant updatedAt) {
        this.dealStage = dealStage;
        this.ownershipPercentage = ownershipPercentage;
        this.entryDate = entryDate;
        this.exitDate = exitDate;
        this.dealLead = dealLead;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }
}
