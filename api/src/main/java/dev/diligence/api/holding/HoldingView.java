package dev.diligence.api.holding;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.diligence.api.company.CompanyView;
import dev.diligence.api.fund.FundView;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.graphql.NodeView;
import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.holding.Holding;
import dev.diligence.domain.holding.HoldingTerms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * GraphQL {@code Holding}. {@code fund} and {@code company} are resolved in batches from the
 * domain ids kept here beside their global IDs ({@code fundKey}, {@code companyKey}), so that batch
 * loaders never decode an ID again (decoding was 10% of a fund dashboard's samples); a page of
 * holdings whose companies were selected reads them along ({@code company}, null otherwise).
 */
public record HoldingView(
        String id,
        String fundId,
        String companyId,
        DealStage dealStage,
        BigDecimal ownershipPercentage,
        LocalDate entryDate,
        LocalDate exitDate,
        String dealLeadSubject,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @JsonIgnore FundId fundKey,
        @JsonIgnore CompanyId companyKey,
        @JsonIgnore @Nullable CompanyView company)
        implements NodeView {

    public static final String TYPE = "Holding";

    /**
     * Identity by {@code id} and {@code version}, as {@code CompanyView}'s: views are batch-loader
     * keys, hashed for every row of a page; the record's generated methods hashed every value,
     * decimals and dates included (3% of a dashboard's samples).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof HoldingView view && id.equals(view.id) && version == view.version;
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Long.hashCode(version);
    }

    public static HoldingView of(Holding holding) {
        return of(holding, null);
    }

    /** A holding and its company, when the statement that read the holding read the company along with it. */
    public static HoldingView of(Holding holding, @Nullable Company company) {
        HoldingTerms terms = holding.terms();
        return new HoldingView(
                GlobalId.encode(TYPE, holding.id().value()),
                GlobalId.encode(FundView.TYPE, holding.fund().value()),
                GlobalId.encode(CompanyView.TYPE, holding.company().value()),
                terms.dealStage(),
                terms.ownershipPercentage(),
                terms.entryDate(),
                terms.exitDate(),
                terms.dealLead(),
                holding.version(),
                holding.createdAt().atOffset(ZoneOffset.UTC),
                holding.updatedAt().atOffset(ZoneOffset.UTC),
                holding.fund(),
                holding.company(),
                company == null ? null : CompanyView.of(company));
    }

    @Override
    public String graphQlType() {
        return TYPE;
    }
}
