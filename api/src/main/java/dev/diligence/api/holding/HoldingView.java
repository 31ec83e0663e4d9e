package dev.diligence.api.holding;

import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.graphql.NodeView;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.holding.Holding;
import dev.diligence.domain.holding.HoldingTerms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * GraphQL {@code Holding}. {@code fund} and {@code company} are resolved in batches from the ids
 * kept here.
 */
public record HoldingView(String id, UUID fundUuid, UUID companyUuid, DealStage dealStage, BigDecimal ownershipPercentage,
        LocalDate entryDate, LocalDate exitDate, String dealLeadSubject, long version, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) implements NodeView {

    public static final String TYPE = "Holding";

    public static HoldingView of(Holding holding) {
        HoldingTerms terms = holding.terms();
        return new HoldingView(GlobalId.encode(TYPE, holding.id().value()), holding.fund().value(), holding.company().value(),
                terms.dealStage(), terms.ownershipPercentage(), terms.entryDate(), terms.exitDate(), terms.dealLead(),
                holding.version(), holding.createdAt().atOffset(ZoneOffset.UTC), holding.updatedAt().atOffset(ZoneOffset.UTC));
    }

    public FundId fundId() {
        return new FundId(fundUuid);
    }

    public CompanyId companyId() {
        return new CompanyId(companyUuid);
    }

    @Override
    public String graphQlType() {
        return TYPE;
    }
}
