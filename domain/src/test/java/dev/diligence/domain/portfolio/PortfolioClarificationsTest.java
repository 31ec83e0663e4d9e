package dev.diligence.domain.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.company.CompanyId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The clarifications (v1.1) of the framework about portfolios: 4 (the remediation ranking) and 7 (precision). */
class PortfolioClarificationsTest {

    private static final CompanyId LOW_ID = new CompanyId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final CompanyId HIGH_ID = new CompanyId(UUID.fromString("f0000000-0000-0000-0000-0000000000a1"));
    private static final CompanyId BRAVO = new CompanyId(UUID.fromString("50000000-0000-0000-0000-000000000002"));

    @Test
    @DisplayName(
            "Clarification 4: priority desc, gap desc, company name asc ignoring case, criterion code asc, company ID")
    void clarification4TheRankingIsATotalOrder() {
        // written in the order the definition gives
        List<RemediationItem> ranked = List.of(
                item(BRAVO, "bravo", "C2.3", 3, "0.1500000000"),
                item(BRAVO, "bravo", "C4.2", 1, "0.0900000000"),
                item(HIGH_ID, "zulu", "C1.1", 1, "0.0700000000"),
                item(LOW_ID, "Alpha", "C2.3", 3, "0.0500000000"),
                item(BRAVO, "bravo", "C2.3", 2, "0.0500000000"),
                item(LOW_ID, "Alpha", "C2.1", 1, "0.0500000000"),
                item(HIGH_ID, "ALPHA", "C2.1", 1, "0.0500000000"),
                item(LOW_ID, "Alpha", "C2.4", 1, "0.0500000000"),
                item(LOW_ID, "alpha", "C3.3", 1, "0.0500000000"),
                item(HIGH_ID, "alpha", "C3.3", 1, "0.0500000000"),
                item(BRAVO, "Bravo", "C1.2", 1, "0.0500000000"));
        Random random = new Random(20261207L);
        for (int round = 0; round < 20; round++) {
            List<RemediationItem> shuffled = new ArrayList<>(ranked);
            Collections.shuffle(shuffled, random);
            assertThat(shuffled.stream().sorted(RemediationItem.RANKING).toList())
                    .isEqualTo(ranked);
        }
    }

    @Test
    @DisplayName("Clarification 4: no two items of a ranking compare equal, and each cursor is distinct")
    void clarification4NoTies() {
        List<RemediationItem> items = List.of(
                item(LOW_ID, "Alpha", "C2.1", 1, "0.0500000000"),
                item(HIGH_ID, "alpha", "C2.1", 1, "0.0500000000"),
                item(LOW_ID, "Alpha", "C2.2", 1, "0.0500000000"));
        for (RemediationItem a : items) {
            for (RemediationItem b : items) {
                assertThat(RemediationItem.RANKING.compare(a, b) == 0).isEqualTo(a == b);
                assertThat(a.cursor().equals(b.cursor())).isEqualTo(a == b);
            }
        }
    }

    @Test
    @DisplayName(
            "Clarification 7: quartiles and medians are served exactly as interpolated from 10-place scores, up to 12 places")
    void clarification7QuantilesAreNotRounded() {
        // lower quartile of 4 scores: position 0.75 between the first two, 1.0000000001 + 0.75 · 0.0000000001
        ScoreStatistics statistics = ScoreStatistics.of(List.of(
                new BigDecimal("1.0000000002"),
                new BigDecimal("1.0000000001"),
                new BigDecimal("3.0000000000"),
                new BigDecimal("2.0000000003")));

        assertThat(statistics.lowerQuartile()).isEqualByComparingTo("1.000000000175");
        assertThat(statistics.lowerQuartile().stripTrailingZeros().scale()).isEqualTo(12);
        // median: halfway between 1.0000000002 and 2.0000000003
        assertThat(statistics.median()).isEqualByComparingTo("1.50000000025");
        // the mean is a division: 10 places, half even (7.0000000006 / 4 = 1.75000000015 → 1.7500000002)
        assertThat(statistics.mean()).isEqualTo(new BigDecimal("1.7500000002"));
    }

    @Test
    @DisplayName("Clarification 7: a percent rank is a division with 10 places, half even")
    void clarification7PercentRankHasTenPlaces() {
        assertThat(PercentileRank.of(1, 7)).contains(new BigDecimal("16.6666666667"));
        assertThat(PercentileRank.of(2, 7)).contains(new BigDecimal("33.3333333333"));
        assertThat(PercentileRank.of(0, 5)).contains(new BigDecimal("0E-10"));
        assertThat(PercentileRank.of(4, 5)).contains(new BigDecimal("100.0000000000"));
    }

    private static RemediationItem item(CompanyId company, String name, String criterion, int gap, String priority) {
        return new RemediationItem(company, name, AssessmentId.random(), criterion, 0, gap, new BigDecimal(priority));
    }
}
