package dev.diligence.persistence.fund;

import dev.diligence.domain.fund.FundStatus;
import dev.diligence.domain.fund.FundStrategy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** Row of the tenant-owned table {@code funds}. Hibernate fills and filters {@code tenant_id}. */
@Entity
@Table(name = "funds")
public class FundJpaEntity {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String name;

    @Column(name = "vintage_year", nullable = false)
    private int vintageYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FundStrategy strategy;

    @Column(nullable = false)
    private String currency;

    @Column(name = "target_size", precision = 17, scale = 2)
    private BigDecimal targetSize;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FundStatus status;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected FundJpaEntity() {}

    FundJpaEntity(UUID id) {
        this.id = id;
    }

    UUID getId() {
        return id;
    }

    String getName() {
        return name;
    }

    int getVintageYear() {
        return vintageYear;
    }

    FundStrategy getStrategy() {
        return strategy;
    }

    String getCurrency() {
        return currency;
    }

    BigDecimal getTargetSize() {
        return targetSize;
    }

    FundStatus getStatus() {
        return status;
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

    void setName(String name) {
        this.name = name;
    }

    void setVintageYear(int vintageYear) {
        this.vintageYear = vintageYear;
    }

    void setStrategy(FundStrategy strategy) {
        this.strategy = strategy;
    }

    void setCurrency(String currency) {
        this.currency = currency;
    }

    void setTargetSize(BigDecimal targetSize) {
        this.targetSize = targetSize;
    }

    void setStatus(FundStatus status) {
        this.status = status;
    }

    void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
