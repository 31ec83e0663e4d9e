package dev.diligence.api.assessment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.diligence.api.company.CompanyView;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.graphql.NodeView;
import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.assessment.AssessmentStatus;
import dev.diligence.domain.assessment.AssessmentSummary;
import dev.diligence.domain.assessment.CriterionAssessment;
import dev.diligence.domain.assessment.EvidenceItem;
import dev.diligence.domain.assessment.EvidenceKind;
import dev.diligence.domain.assessment.Publication;
import dev.diligence.domain.assessment.Retraction;
import dev.diligence.domain.assessment.StoredScore;
import dev.diligence.domain.assessment.SummaryWithCompany;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.scoring.AssessmentContext;
import dev.diligence.domain.scoring.Confidence;
import dev.diligence.domain.scoring.EuAiActTier;
import dev.diligence.domain.scoring.ScoreState;
import dev.diligence.domain.scoring.ScoringResult;
import dev.diligence.domain.scoring.SensitiveDomain;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * GraphQL {@code Assessment}, whole or as a summary. A whole view ({@link #of(ScoredAssessment)}) has
 * every part and its scoring; without its scoring, it is also the document the audit trail records
 * before and after a change (the scores follow from the recorded inputs and the framework version).
 * A summary ({@link #of(AssessmentSummary)}), what reads return, has no {@code criteria},
 * {@code reviewComments} and {@code result} (null): {@link AssessmentPartsController} reads the whole
 * assessment for them only when they are asked for, and a summary's {@code storedScore} (a
 * publication's, or an unpublished assessment's working score) answers a score that asks only for
 * stored numbers. The domain ids behind the global IDs ({@code assessmentId}, {@code companyKey}) are
 * kept so that batch loaders never decode them.
 */
public record AssessmentView(
        String id,
        String companyId,
        int frameworkVersion,
        AssessmentStatus status,
        String leadAssessor,
        ContextView context,
        @Nullable List<CriterionView> criteria,
        @Nullable List<ReviewCommentView> reviewComments,
        List<String> editors,
        List<String> submitters,
        PublicationView publication,
        RetractionView retraction,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @JsonIgnore @Nullable ScoringResult result,
        @JsonIgnore boolean stored,
        @JsonIgnore @Nullable StoredScore storedScore,
        @JsonIgnore AssessmentId assessmentId,
        @JsonIgnore CompanyId companyKey,
        @JsonIgnore @Nullable CompanyView company)
        implements NodeView {

    /**
     * Identity by {@code id} and {@code version}: views are batch-loader keys, hashed for every row
     * of a page, and within one request two views of the same id and version hold the same data.
     * The record's generated methods would hash every nested list and value instead.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof AssessmentView view && id.equals(view.id) && version == view.version;
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + Long.hashCode(version);
    }

    public static final String TYPE = "Assessment";
    public static final String EVIDENCE_TYPE = "Evidence";

    /** GraphQL {@code AssessmentContext}; sensitive domains sorted by name. */
    public record ContextView(
            boolean modelsInProduction,
            EuAiActTier euAiActTier,
            List<SensitiveDomain> sensitiveDomains,
            BigDecimal lowestImpactRatio,
            boolean fairnessMitigationDocumented) {

        static ContextView of(AssessmentContext context) {
            return new ContextView(
                    context.modelsInProduction(),
                    context.euAiActTier(),
                    context.sensitiveDomains().stream().sorted().toList(),
                    context.lowestImpactRatio(),
                    context.fairnessMitigationDocumented());
        }
    }

    /** GraphQL {@code AssessedCriterion}. */
    public record CriterionView(
            String code,
            ScoreState state,
            Integer level,
            Confidence confidence,
            String notApplicableReason,
            Integer targetLevel,
            String rationale,
            List<EvidenceView> evidence) {

        static CriterionView of(CriterionAssessment criterion) {
            var score = criterion.score();
            return new CriterionView(
                    criterion.code(),
                    score.state(),
                    score.level(),
                    score.confidence(),
                    score.notApplicableReason(),
                    score.targetLevel(),
                    criterion.rationale(),
                    criterion.evidence().stream().map(EvidenceView::of).toList());
        }
    }

    /** GraphQL {@code Evidence}. */
    public record EvidenceView(String id, EvidenceKind kind, String value, String addedBy, OffsetDateTime addedAt) {

        static EvidenceView of(EvidenceItem item) {
            return new EvidenceView(
                    GlobalId.encode(EVIDENCE_TYPE, item.id()),
                    item.kind(),
                    item.value(),
                    item.addedBy(),
                    utc(item.addedAt()));
        }
    }

    /** GraphQL {@code ReviewComment}. */
    public record ReviewCommentView(String reviewer, String text, OffsetDateTime at) {}

    /** GraphQL {@code AssessmentPublication}. */
    public record PublicationView(String publishedBy, OffsetDateTime publishedAt) {}

    /** GraphQL {@code AssessmentRetraction}. */
    public record RetractionView(String retractedBy, String reason, OffsetDateTime retractedAt) {}

    public static AssessmentView of(ScoredAssessment scored) {
        Assessment a = scored.assessment();
        Publication publication = a.publication();
        Retraction retraction = a.retraction();
        return new AssessmentView(
                GlobalId.encode(TYPE, a.id().value()),
                GlobalId.encode(CompanyView.TYPE, a.company().value()),
                a.frameworkVersion(),
                a.status(),
                a.leadAssessor(),
                ContextView.of(a.context()),
                a.criteria().all().stream().map(CriterionView::of).toList(),
                a.review().comments().stream()
                        .map(c -> new ReviewCommentView(c.reviewer(), c.text(), utc(c.at())))
                        .toList(),
                a.review().editors().stream().sorted().toList(),
                a.review().submitters().stream().sorted().toList(),
                publication == null
                        ? null
                        : new PublicationView(publication.publishedBy(), utc(publication.publishedAt())),
                retraction == null
                        ? null
                        : new RetractionView(
                                retraction.retractedBy(), retraction.reason(), utc(retraction.retractedAt())),
                a.version(),
                utc(a.createdAt()),
                utc(a.updatedAt()),
                scored.result(),
                scored.stored(),
                null,
                a.id(),
                a.company(),
                null);
    }

    public static AssessmentView of(AssessmentSummary a) {
        Retraction retraction = a.retraction();
        return new AssessmentView(
                GlobalId.encode(TYPE, a.id().value()),
                GlobalId.encode(CompanyView.TYPE, a.company().value()),
                a.frameworkVersion(),
                a.status(),
                a.leadAssessor(),
                ContextView.of(a.context()),
                null,
                null,
                a.editors().stream().sorted().toList(),
                a.submitters().stream().sorted().toList(),
                a.publishedBy() == null ? null : new PublicationView(a.publishedBy(), utc(a.publishedAt())),
                retraction == null
                        ? null
                        : new RetractionView(
                                retraction.retractedBy(), retraction.reason(), utc(retraction.retractedAt())),
                a.version(),
                utc(a.createdAt()),
                utc(a.updatedAt()),
                null,
                a.publishedBy() != null,
                a.storedScore(),
                a.id(),
                a.company(),
                null);
    }

    /** A summary read with its company, which {@code Assessment.company} then answers without another read. */
    public static AssessmentView of(SummaryWithCompany read) {
        AssessmentView summary = of(read.summary());
        return new AssessmentView(
                summary.id,
                summary.companyId,
                summary.frameworkVersion,
                summary.status,
                summary.leadAssessor,
                summary.context,
                null,
                null,
                summary.editors,
                summary.submitters,
                summary.publication,
                summary.retraction,
                summary.version,
                summary.createdAt,
                summary.updatedAt,
                null,
                summary.stored,
                summary.storedScore,
                summary.assessmentId,
                summary.companyKey,
                CompanyView.of(read.company()));
    }

    /** Whether this view has every part: false for a summary. */
    public boolean whole() {
        return criteria != null;
    }

    /** The assessment an ID names; an undecodable ID names no assessment, and the service answers NOT_FOUND after authorizing. */
    static AssessmentId assessmentId(String id) {
        return new AssessmentId(GlobalId.decodeOrNothing(id, TYPE));
    }

    /** The evidence item an ID names; an undecodable ID names none. */
    static UUID evidenceId(String id) {
        return GlobalId.decodeOrNothing(id, EVIDENCE_TYPE);
    }

    @Override
    public String graphQlType() {
        return TYPE;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
