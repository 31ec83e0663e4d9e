package dev.diligence.api.assessment;

import dev.diligence.api.export.Cell;
import dev.diligence.api.export.Table;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.assessment.CriterionAssessment;
import dev.diligence.domain.assessment.EvidenceItem;
import dev.diligence.domain.scoring.CriterionResult;
import java.util.ArrayList;
import java.util.List;

/**
 * An assessment's evidence as an exported table: one row per item, criteria in framework order and
 * each criterion's items in the order added, with what the API's {@code Evidence} holds (its global
 * ID, kind, value: a link, a document reference or a note, as typed, so left to the writers to
 * neutralise; who added it and when).
 */
final class EvidenceTable {

    static final String TITLE = "Evidence";

    static final List<String> HEADER = List.of("Criterion", "Evidence ID", "Kind", "Value", "Added by", "Added at");

    private EvidenceTable() {}

    static Table of(ScoredAssessment scored) {
        Assessment assessment = scored.assessment();
        List<List<Cell>> rows = new ArrayList<>();
        for (CriterionResult criterion : scored.result().criteria()) {
            List<EvidenceItem> evidence = assessment
                    .criteria()
                    .find(criterion.code())
                    .map(CriterionAssessment::evidence)
                    .orElse(List.of());
            for (EvidenceItem item : evidence) {
                rows.add(List.of(
                        Cell.text(criterion.code()),
                        Cell.text(GlobalId.encode(AssessmentView.EVIDENCE_TYPE, item.id())),
                        Cell.text(item.kind().name()),
                        Cell.text(item.value()),
                        Cell.text(item.addedBy()),
                        Cell.timestamp(item.addedAt())));
            }
        }
        return new Table(TITLE, HEADER, rows);
    }
}
