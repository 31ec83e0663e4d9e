package dev.diligence.api.fund;

import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.graphql.NodeView;
import dev.diligence.domain.fund.Fund;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.fund.FundProfile;
import dev.diligence.domain.fund.FundStatus;
import dev.diligence.domain.fund.FundStrategy;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** GraphQL {@code Fund}. */
public record FundView(
        String id,
        String name,
        int vintageYear,
        FundStrategy strategy,
        String currency,
        BigDecimal targetSize,
        FundStatus status,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt)
        implements NodeView {

    public static final String TYPE = "Fund";

    public static FundView of(Fund fund) {
        FundProfile profile = fund.profile();
        return new FundView(
                GlobalId.encode(TYPE, fund.id().value()),
                profile.name(),
                profile.vintageYear(),
                profile.strategy(),
                profile.currency(),
                profile.targetSize(),
                fund.status(),
                fund.version(),
                fund.createdAt().atOffset(ZoneOffset.UTC),
                fund.updatedAt().atOffset(ZoneOffset.UTC));
    }

    /** The domain id behind the global ID. */
    public FundId fundId() {
        return new FundId(GlobalId.decode(id, TYPE).orElseThrow());
    }

    @Override
    public String graphQlType() {
        return TYPE;
    }
}
