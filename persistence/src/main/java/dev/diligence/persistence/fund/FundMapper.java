package dev.diligence.persistence.fund;

import dev.diligence.domain.fund.Fund;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.fund.FundProfile;
import java.time.temporal.ChronoUnit;

/** Copies funds between the domain and their rows. Timestamps are stored to the microsecond. */
final class FundMapper {

    private FundMapper() {}

    static Fund toDomain(FundJpaEntity row) {
        FundProfile profile = new FundProfile(
                row.getName(), row.getVintageYear(), row.getStrategy(), row.getCurrency(), row.getTargetSize());
        return new Fund(
                new FundId(row.getId()),
                profile,
                row.getStatus(),
                row.getVersion(),
                row.getCreatedAt(),
                row.getUpdatedAt());
    }

    /** Writes every mutable attribute of {@code fund} into {@code row}; identity and version stay. */
    static void copy(Fund fund, FundJpaEntity row) {
        FundProfile profile = fund.profile();
        row.setName(profile.name());
        row.setVintageYear(profile.vintageYear());
        row.setStrategy(profile.strategy());
        row.setCurrency(profile.currency());
        row.setTargetSize(profile.targetSize());
        row.setStatus(fund.status());
        row.setCreatedAt(fund.createdAt().truncatedTo(ChronoUnit.MICROS));
        row.setUpdatedAt(fund.updatedAt().truncatedTo(ChronoUnit.MICROS));
    }
}
