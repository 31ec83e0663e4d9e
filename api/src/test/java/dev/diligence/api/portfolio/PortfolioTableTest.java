package dev.diligence.api.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.export.Cell;
import dev.diligence.api.export.LabelledValues;
import dev.diligence.api.export.Table;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.finding.Severity;
import dev.diligence.domain.framework.FrameworkV1;
import dev.diligence.domain.fund.Fund;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.fund.FundProfile;
import dev.diligence.domain.fund.FundStatus;
import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.portfolio.PortfolioQuery;
import dev.diligence.domain.portfolio.PortfolioRow;
import dev.diligence.domain.portfolio.PortfolioSummary;
import dev.diligence.domain.portfolio.ScoreStatistics;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A portfolio company's row has a cell for every column, the dimensions' in framework order, typed,
 * with the API's global IDs; the summary has the rows it is charged for.
 */
class PortfolioTableTest {

    private static final CompanyId COMPANY = CompanyId.random();
    private static final AssessmentId ASSESSMENT = AssessmentId.random();
    private static final Instant PUBLISHED = Instant.parse("2026-11-02T10:00:00.123456Z");

    @Test
    void aRowFillsEveryColumnWithTheDimensionsInFrameworkOrder() {
        Map<String, BigDecimal> dimensions = new LinkedHashMap<>();
        dimensions.put("D1", new BigDecimal("2.5000000000"));
        dimensions.put("D2", null);
        dimensions.put("D3", new BigDecimal("1.0000000000"));
        dimensions.put("D4", new BigDecimal("0.3333333333"));
        Map<Severity, Integer> open = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            open.put(severity, severity.ordinal());
        }
        PortfolioRow row = new PortfolioRow(
                COMPANY,
                "=cmd|' /C calc'!A0",
                ASSESSMENT,
                PUBLISHED,
                new BigDecimal("1.9583333333"),
                new BigDecimal("48.9583333325"),
                null,
                true,
                new BigDecimal("0.5000000000"),
                new BigDecimal("0.8000000000"),
                true,
                dimensions,
                List.of("RF1", "RF7 C2.1"),
                open,
                5,
                2,
                new BigDecimal("50.0000000000"),
                List.of());

        List<String> header = PortfolioTable.header(FrameworkV1.VERSION);
        List<Cell> cells = PortfolioTable.row(row, FrameworkV1.VERSION);

        assertThat(cells).hasSameSizeAs(header);
        assertThat(header.subList(10, 14))
                .extracting(column -> column.substring(0, 3))
                .containsExactly("D1 ", "D2 ", "D3 ", "D4 ");
        assertThat(cells)
                .extracting(Cell::value)
                .containsExactly(
                        GlobalId.encode("Company", COMPANY.value()),
                        "=cmd|' /C calc'!A0",
                        GlobalId.encode("Assessment", ASSESSMENT.value()),
                        PUBLISHED,
                        new BigDecimal("1.9583333333"),
                        new BigDecimal("48.9583333325"),
                        null,
                        true,
                        new BigDecimal("0.5000000000"),
                        new BigDecimal("0.8000000000"),
                        new BigDecimal("2.5000000000"),
                        null,
                        new BigDecimal("1.0000000000"),
                        new BigDecimal("0.3333333333"),
                        new BigDecimal("50.0000000000"),
                        BigDecimal.valueOf(5),
                        BigDecimal.valueOf(0),
                        BigDecimal.valueOf(1),
                        BigDecimal.valueOf(2),
                        BigDecimal.valueOf(3),
                        BigDecimal.valueOf(4),
                        true,
                        "RF1; RF7 C2.1");
        assertThat(cells.get(1).kind()).as("left to the writers to neutralise").isEqualTo(Cell.Kind.TEXT);
        assertThat(cells.get(3).kind()).isEqualTo(Cell.Kind.TIMESTAMP);
        assertThat(cells.get(6).kind())
                .as("a suppressed level is an empty number")
                .isEqualTo(Cell.Kind.NUMBER);
        assertThat(cells.get(7).kind()).isEqualTo(Cell.Kind.BOOLEAN);
    }

    @Test
    void theSummaryHasTheRowsItIsChargedForWithTheStatisticsInFrameworkOrder() {
        FundId fund = FundId.random();
        PortfolioService.Comparison comparison = new PortfolioService.Comparison(
                new PortfolioQuery(
                        fund, PUBLISHED, Set.of(DealStage.INVESTED, DealStage.DILIGENCE), FrameworkV1.NUMBER),
                new Fund(
                        fund,
                        new FundProfile("+Fund I", 2021, null, "USD", null),
                        FundStatus.ACTIVE,
                        1,
                        PUBLISHED,
                        PUBLISHED),
                FrameworkV1.VERSION);
        ScoreStatistics overall = ScoreStatistics.of(List.of(new BigDecimal("1.5"), new BigDecimal("2.5")));
        PortfolioSummary summary = new PortfolioSummary(
                FrameworkV1.NUMBER, 2, overall, Map.of("D2", overall), List.of(0, 1, 0, 0, 0), 1, List.of(), Map.of());

        Table table = PortfolioSummaryTable.of(comparison, summary);

        assertThat(table.title()).isEqualTo("Summary");
        assertThat(table.header()).isEqualTo(LabelledValues.HEADER);
        assertThat(table.rows()).hasSize(PortfolioSummaryTable.size(FrameworkV1.VERSION));
        assertThat(table.rows())
                .extracting(row -> row.get(0).value() + "|" + row.get(1).value())
                .containsSubsequence(
                        "Comparison|Fund",
                        "Comparison|Deal stages",
                        "Overall|Mean",
                        "Level distribution|Level 0",
                        "Level distribution|Suppressed")
                .filteredOn(label -> label.endsWith("|Count"))
                .extracting(label -> label.substring(0, 2))
                .containsExactly("Ov", "D1", "D2", "D3", "D4");
        assertThat(value(table, "Comparison", "Fund")).isEqualTo("+Fund I");
        assertThat(value(table, "Comparison", "Deal stages")).isEqualTo("DILIGENCE; INVESTED");
        assertThat((BigDecimal) value(table, "Overall", "Median")).isEqualByComparingTo("2");
        assertThat(value(table, "Level distribution", "Suppressed")).isEqualTo(BigDecimal.ONE);
        assertThat(table.rows().stream()
                        .filter(row -> row.get(0).value().toString().startsWith("D1 "))
                        .filter(row -> !row.get(1).value().equals("Count"))
                        .map(row -> row.get(2).value()))
                .as("a dimension nobody has a score of")
                .containsOnlyNulls();
    }

    private static Object value(Table table, String section, String measure) {
        return table.rows().stream()
                .filter(row ->
                        row.get(0).value().equals(section) && row.get(1).value().equals(measure))
                .findFirst()
                .orElseThrow()
                .get(2)
                .value();
    }
}
