package dev.diligence.api.finding;

import dev.diligence.api.assessment.AssessmentView;
import dev.diligence.api.export.Cell;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.domain.finding.Finding;
import dev.diligence.domain.finding.FindingContent;
import dev.diligence.domain.framework.StandardReference;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Findings as rows of an exported table: one column per attribute a reader of the findings query
 * gets, IDs as the same global IDs, so a row can be matched with the API's answers. The columns
 * and the cells of a row are written here together, so they cannot drift apart.
 */
public final class FindingTable {

    public static final String TITLE = "Findings";

    public static final List<String> HEADER = List.of(
            "ID",
            "Assessment ID",
            "Criterion",
            "Title",
            "Description",
            "Severity",
            "Status",
            "Source",
            "Rule",
            "Owner",
            "Due date",
            "Remediation plan",
            "References",
            "Opened at",
            "Closed at",
            "Closing note");

    private FindingTable() {}

    public static List<Cell> row(Finding finding) {
        FindingContent content = finding.content();
        return List.of(
                Cell.text(GlobalId.encode(FindingView.TYPE, finding.id().value())),
                Cell.text(GlobalId.encode(
                        AssessmentView.TYPE, finding.assessment().value())),
                Cell.text(finding.criterion()),
                Cell.text(content.title()),
                Cell.text(content.description()),
                Cell.text(content.severity().name()),
                Cell.text(finding.status().name()),
                Cell.text(finding.source().kind().name()),
                Cell.text(finding.source().ruleId()),
                Cell.text(content.owner()),
                Cell.date(content.dueDate()),
                Cell.text(content.remediationPlan()),
                Cell.text(content.references().stream()
                        .map(FindingTable::reference)
                        .collect(Collectors.joining("; "))),
                Cell.timestamp(finding.openedAt()),
                Cell.timestamp(finding.closedAt()),
                Cell.text(finding.closingNote()));
    }

    private static String reference(StandardReference reference) {
        return reference.standard().title() + " " + reference.clause();
    }
}
