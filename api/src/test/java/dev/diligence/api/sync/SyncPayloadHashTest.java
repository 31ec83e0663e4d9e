package dev.diligence.api.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.sync.SyncInput.SyncCompanyInput;
import dev.diligence.api.sync.SyncInput.SyncDealsInput;
import dev.diligence.api.sync.SyncInput.SyncFundInput;
import dev.diligence.api.sync.SyncInput.SyncHoldingInput;
import dev.diligence.domain.company.CompanyStage;
import dev.diligence.domain.company.Sector;
import dev.diligence.domain.fund.FundStrategy;
import dev.diligence.domain.holding.DealStage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
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

    /**
     * The canonical form is the documented one, version 1, byte for byte: written out here by hand for
     * a request with one item of each kind, so a change of the form (an attribute reordered, a value
     * written differently) fails here rather than making every stored fingerprint differ.
     */
    @Test
    void isTheSha256OfTheDocumentedCanonicalForm() throws Exception {
        SyncDealsInput input = new SyncDealsInput(
                "crm",
                "key",
                List.of(new SyncFundInput("F1", "Fund", 2022, FundStrategy.BUYOUT, "EUR", new BigDecimal("1.50"))),
                List.of(new SyncCompanyInput("C1", "Äcme", null, Sector.OTHER, "DE", CompanyStage.SEED, 12, "")),
                List.of(new SyncHoldingInput(
                        "H1", "F1", "C1", DealStage.INVESTED, new BigDecimal("0"), LocalDate.of(2024, 2, 29), null)));
        String canonical = "12:syncDeals/v1" + "3:crm"
                + "5:funds" + "1:1" + "2:F1" + "4:Fund" + "4:2022" + "6:BUYOUT" + "3:EUR" + "3:1.5"
                + "9:companies" + "1:1" + "2:C1" + "5:Äcme" + "~" + "5:OTHER" + "2:DE" + "4:SEED" + "2:12" + "0:"
                + "8:holdings" + "1:1" + "2:H1" + "2:F1" + "2:C1" + "8:INVESTED" + "1:0" + "10:2024-02-29" + "~";
        String expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));

        assertThat(SyncPayloadHash.of(input)).isEqualTo(expected);
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
