package dev.diligence.api.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.sync.SyncInput.SyncCompanyInput;
import dev.diligence.api.sync.SyncInput.SyncDealsInput;
import dev.diligence.api.sync.SyncInput.SyncFundInput;
import dev.diligence.domain.company.CompanyStage;
import dev.diligence.domain.company.Sector;
import dev.diligence.domain.fund.FundStrategy;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical form behind idempotency: equal requests hash equal, any change of substance changes the hash. */
class SyncPayloadHashTest {

    private static SyncDealsInput request(String key, String source, BigDecimal size, String description) {
        return new SyncDealsInput(
                source,
                key,
                List.of(new SyncFundInput("F1", "Fund", 2022, FundStrategy.BUYOUT, "EUR", size)),
                List.of(new SyncCompanyInput(
                        "C1", "Acme", null, Sector.OTHER, "DE", CompanyStage.SEED, null, description)),
                null);
    }

    @Test
    void ignoresTheKeyTheScaleOfDecimalsAndAbsentVersusEmptyLists() {
        String hash = SyncPayloadHash.of(request("a", "crm", new BigDecimal("100"), null));

        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(SyncPayloadHash.of(request("b", "crm", new BigDecimal("100.00"), null)))
                .isEqualTo(hash);
        assertThat(SyncPayloadHash.of(request("a", "crm", new BigDecimal("1E+2"), null)))
                .isEqualTo(hash);
        SyncDealsInput withEmptyHoldings = request("a", "crm", new BigDecimal("100"), null);
        assertThat(SyncPayloadHash.of(new SyncDealsInput(
                        withEmptyHoldings.source(),
                        "a",
                        withEmptyHoldings.funds(),
                        withEmptyHoldings.companies(),
                        List.of())))
                .isEqualTo(hash);
    }

    @Test
    void changesWithTheSourceAnyValueAnAbsentValueAndTheOrderOfItems() {
        String hash = SyncPayloadHash.of(request("a", "crm", new BigDecimal("100"), null));

        assertThat(SyncPayloadHash.of(request("a", "crm2", new BigDecimal("100"), null)))
                .isNotEqualTo(hash);
        assertThat(SyncPayloadHash.of(request("a", "crm", new BigDecimal("100.01"), null)))
                .isNotEqualTo(hash);
        assertThat(SyncPayloadHash.of(request("a", "crm", null, null))).isNotEqualTo(hash);
        assertThat(SyncPayloadHash.of(request("a", "crm", new BigDecimal("100"), "")))
                .isNotEqualTo(hash);
        SyncFundInput one = new SyncFundInput("F1", "One", 2022, FundStrategy.BUYOUT, "EUR", null);
        SyncFundInput two = new SyncFundInput("F2", "Two", 2022, FundStrategy.BUYOUT, "EUR", null);
        assertThat(SyncPayloadHash.of(new SyncDealsInput("crm", "a", List.of(one, two), null, null)))
                .isNotEqualTo(SyncPayloadHash.of(new SyncDealsInput("crm", "a", List.of(two, one), null, null)));
        // no value runs into the next: ("ab", "c") and ("a", "bc") differ
        assertThat(SyncPayloadHash.of(new SyncDealsInput(
                        "crm", "a", List.of(new SyncFundInput("ab", "c", 2022, null, null, null)), null, null)))
                .isNotEqualTo(SyncPayloadHash.of(new SyncDealsInput(
                        "crm", "a", List.of(new SyncFundInput("a", "bc", 2022, null, null, null)), null, null)));
    }
}
