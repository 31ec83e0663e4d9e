package dev.diligence.api.finding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.api.export.Cell;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.finding.Finding;
import dev.diligence.domain.finding.FindingContent;
import dev.diligence.domain.finding.FindingId;
import dev.diligence.domain.finding.FindingSource;
import dev.diligence.domain.finding.FindingStatus;
import dev.diligence.domain.finding.Severity;
import dev.diligence.domain.framework.Standard;
import dev.diligence.domain.framework.StandardReference;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A finding's row has a cell for every column, typed, with the API's global IDs. */
class FindingTableTest {

    private static final FindingId ID = FindingId.random();
    private static final AssessmentId ASSESSMENT = AssessmentId.random();

    @Test
    void aResolvedRuleFindingFillsEveryColumn() {
        Finding finding = new Finding(
                ID,
                ASSESSMENT,
                "D4.2",
                new FindingContent(
                        "No drift monitoring",
                        "=cmd|' /C calc'!A0",
                        Severity.HIGH,
                        "alice",
                        LocalDate.of(2027, 3, 31),
                        "Add drift alerts",
                        List.of(
                                new StandardReference(Standard.NIST_AI_RMF, "MEASURE 2.4"),
                                new StandardReference(Standard.EU_AI_ACT, "Art. 72"))),
                new FindingSource(FindingSource.Kind.RULE, "RF7"),
                FindingStatus.RESOLVED,
                Instant.parse("2026-11-02T10:00:00Z"),
                Instant.parse("2026-12-01T08:00:00Z"),
                "alerts in place",
                3);

        List<Cell> row = FindingTable.row(finding);

        assertThat(row).hasSameSizeAs(FindingTable.HEADER);
        assertThat(row)
                .extracting(Cell::value)
                .containsExactly(
                        GlobalId.encode("Finding", ID.value()),
                        GlobalId.encode("Assessment", ASSESSMENT.value()),
                        "D4.2",
                        "No drift monitoring",
                        "=cmd|' /C calc'!A0",
                        "HIGH",
                        "RESOLVED",
                        "RULE",
                        "RF7",
                        "alice",
                        LocalDate.of(2027, 3, 31),
                        "Add drift alerts",
                        "NIST AI RMF MEASURE 2.4; EU AI Act Art. 72",
                        Instant.parse("2026-11-02T10:00:00Z"),
                        Instant.parse("2026-12-01T08:00:00Z"),
                        "alerts in place");
        assertThat(row.get(10).kind()).isEqualTo(Cell.Kind.DATE);
        assertThat(row.get(13).kind()).isEqualTo(Cell.Kind.TIMESTAMP);
        assertThat(row.get(4).kind()).as("left to the writers to neutralise").isEqualTo(Cell.Kind.TEXT);
    }
}
