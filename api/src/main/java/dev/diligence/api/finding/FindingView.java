package dev.diligence.api.finding;

import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.graphql.NodeView;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.finding.Finding;
import dev.diligence.domain.finding.FindingContent;
import dev.diligence.domain.finding.FindingId;
import dev.diligence.domain.finding.FindingSource;
import dev.diligence.domain.finding.FindingStatus;
import dev.diligence.domain.finding.Severity;
import dev.diligence.domain.framework.StandardReference;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** GraphQL {@code Finding}; also the document the audit trail records before and after a change. */
public record FindingView(
        String id,
        UUID assessmentKey,
        String criterion,
        String title,
        String description,
        Severity severity,
        FindingStatus status,
        String owner,
        LocalDate dueDate,
        String remediationPlan,
        List<ReferenceView> references,
        FindingSource.Kind source,
        String ruleId,
        OffsetDateTime openedAt,
        OffsetDateTime closedAt,
        String closingNote,
        Long timeToResolveSeconds,
        long version)
        implements NodeView {

    /**
     * Identity by {@code id} and {@code version}: views are batch-loader keys, hashed for every row
     * of a page, and within one request two views of the same id and version hold the same data.
     * The record's generated methods would hash every nested list and value instead.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof FindingView view && id.equals(view.id) && version == view.version;
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Long.hashCode(version);
    }

    public static final String TYPE = "Finding";

    /** GraphQL {@code ExternalFrameworkReference}. */
    public record ReferenceView(String standard, String clause, String citation) {

        static ReferenceView of(StandardReference reference) {
            return new ReferenceView(reference.standard().title(), reference.clause(), reference.citation());
        }
    }

    public static FindingView of(Finding finding) {
        FindingContent content = finding.content();
        return new FindingView(
                GlobalId.encode(TYPE, finding.id().value()),
                finding.assessment().value(),
                finding.criterion(),
                content.title(),
                content.description(),
                content.severity(),
                finding.status(),
                content.owner(),
                content.dueDate(),
                content.remediationPlan(),
                content.references().stream().map(ReferenceView::of).toList(),
                finding.source().kind(),
                finding.source().ruleId(),
                finding.openedAt().atOffset(ZoneOffset.UTC),
                finding.closedAt() == null ? null : finding.closedAt().atOffset(ZoneOffset.UTC),
                finding.closingNote(),
                finding.timeToResolve().map(Duration::toSeconds).orElse(null),
                finding.version());
    }

    /** The assessment the finding is on. */
    public AssessmentId assessmentId() {
        return new AssessmentId(assessmentKey);
    }

    /** The finding an ID names; an undecodable ID names no finding, and the service answers NOT_FOUND after authorizing. */
    static FindingId findingId(String id) {
        return new FindingId(GlobalId.decodeOrNothing(id, TYPE));
    }

    @Override
    public String graphQlType() {
        return TYPE;
    }
}
