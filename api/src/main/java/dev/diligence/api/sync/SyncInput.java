package dev.diligence.api.sync;

import dev.diligence.domain.company.CompanyProfile;
import dev.diligence.domain.company.CompanyStage;
import dev.diligence.domain.company.Sector;
import dev.diligence.domain.fund.FundStrategy;
import dev.diligence.domain.holding.DealStage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The GraphQL inputs of {@code syncDeals} (sync.graphqls), bound by name. */
public final class SyncInput {

    private SyncInput() {}

    /** {@code SyncDealsInput}; absent lists mean no items. */
    public record SyncDealsInput(
            String source,
            String idempotencyKey,
            List<SyncFundInput> funds,
            List<SyncCompanyInput> companies,
            List<SyncHoldingInput> holdings) {

        public SyncDealsInput {
            funds = funds == null ? List.of() : List.copyOf(funds);
            companies = companies == null ? List.of() : List.copyOf(companies);
            holdings = holdings == null ? List.of() : List.copyOf(holdings);
        }

        int itemCount() {
            return funds.size() + companies.size() + holdings.size();
        }
    }

    /** {@code SyncFundInput}. */
    public record SyncFundInput(
            String externalId,
            String name,
            Integer vintageYear,
            FundStrategy strategy,
            String currency,
            BigDecimal targetSize) {}

    /** {@code SyncCompanyInput}. */
    public record SyncCompanyInput(
            String externalId,
            String name,
            String website,
            Sector sector,
            String headquartersCountry,
            CompanyStage stage,
            Integer employeeCount,
            String description) {

        /** The company's attributes as given: sync sets every one, so an absent one clears it. */
        CompanyProfile profile() {
            return CompanyProfile.of(name, sector, headquartersCountry, stage)
                    .withWebsite(website)
                    .withEmployeeCount(employeeCount)
                    .withDescription(description);
        }
    }

    /** {@code SyncHoldingInput}. */
    public record SyncHoldingInput(
            String externalId,
            String fundExternalId,
            String companyExternalId,
            DealStage dealStage,
            BigDecimal ownershipPercentage,
            LocalDate entryDate,
            LocalDate exitDate) {}
}
