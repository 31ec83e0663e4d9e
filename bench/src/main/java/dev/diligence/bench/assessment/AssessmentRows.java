package dev.diligence.bench.assessment;

import dev.diligence.bench.copy.PgArrays;
import dev.diligence.bench.copy.TenantTables;
import dev.diligence.bench.portfolio.SeededIds;
import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.assessment.CriterionAssessment;
import dev.diligence.domain.assessment.EvidenceItem;
import dev.diligence.domain.assessment.Publication;
import dev.diligence.domain.assessment.ReviewComment;
import dev.diligence.domain.scoring.AssessmentContext;
import dev.diligence.domain.scoring.CriterionResult;
import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.scoring.DimensionResult;
import dev.diligence.domain.scoring.OverallResult;
import dev.diligence.domain.scoring.RedFlag;
import dev.diligence.domain.scoring.ScoringResult;
import java.util.List;
import java.util.UUID;

/**
 * An assessment as rows of {@code assessments} and its child tables, column for column what
 * {@code AssessmentPersistenceAdapter.add} and {@code AssessmentChildRows.write} store (V014, V017):
 * criteria and evidence in the aggregate's order, the review trail, and for a published assessment
 * the headline numbers of its stored result plus its dimension results, criterion results and red
 * flags, with the engine's 10-place decimals. Evidence ids are redrawn from the seeded ids (the
 * domain draws random ones) so the dataset repeats with its seed.
 */
final class AssessmentRows {

    private final TenantTables tables;
    private final UUID tenant;
    private final SeededIds ids;

    AssessmentRows(TenantTables tables, UUID tenant, SeededIds ids) {
        this.tables = tables;
        this.tenant = tenant;
        this.ids = ids;
    }

    void write(Assessment a) {
        UUID id = a.id().value();
        AssessmentContext context = a.context();
        Publication publication = a.publication();
        ScoringResult result = publication == null ? null : publication.result();
        OverallResult overall = result == null ? null : result.overall();
        tables.assessments.add(
                tenant,
                id,
                a.company().value(),
                a.frameworkVersion(),
                a.status(),
                context.modelsInProduction(),
                context.euAiActTier(),
                PgArrays.text(context.sensitiveDomains().stream()
                        .map(Enum::name)
                        .sorted()
                        .toList()),
                context.lowestImpactRatio(),
                context.fairnessMitigationDocumented(),
                a.leadAssessor(),
                publication == null ? null : publication.publishedBy(),
                publication == null ? null : publication.publishedAt(),
                overall == null ? null : overall.score(),
                overall == null ? null : overall.percentage(),
                overall == null ? null : overall.floor(),
                overall == null ? null : overall.confidence(),
                result == null ? null : result.coverage(),
                result == null ? null : result.level().orElse(null),
                result == null ? null : overall != null && overall.levelSuppressed(),
                result == null ? null : result.dealLevelRedFlag(),
                null,
                null,
                null,
                a.version(),
                a.createdAt(),
                a.updatedAt());
        criteria(id, a);
        review(id, a);
        if (result != null) {
            results(id, result);
        }
    }

    private void criteria(UUID id, Assessment a) {
        int position = 0;
        for (CriterionAssessment criterion : a.criteria().all()) {
            CriterionScore score = criterion.score();
            tables.criteria.add(
                    tenant,
                    id,
                    criterion.code(),
                    position++,
                    score.state(),
                    score.level(),
                    score.confidence(),
                    score.notApplicableReason(),
                    score.targetLevel(),
                    criterion.rationale());
            int itemPosition = 0;
            for (EvidenceItem item : criterion.evidence()) {
                tables.evidence.add(
                        tenant,
                        ids.next(),
                        id,
                        criterion.code(),
                        itemPosition++,
                        item.kind(),
                        item.value(),
                        item.addedBy(),
                        item.addedAt());
            }
        }
    }

    private void review(UUID id, Assessment a) {
        a.review().editors().stream()
                .sorted()
                .forEach(subject -> tables.participants.add(tenant, id, "EDITOR", subject));
        a.review().submitters().stream()
                .sorted()
                .forEach(subject -> tables.participants.add(tenant, id, "SUBMITTER", subject));
        List<ReviewComment> comments = a.review().comments();
        for (int position = 0; position < comments.size(); position++) {
            ReviewComment comment = comments.get(position);
            tables.reviewComments.add(tenant, id, position, comment.reviewer(), comment.text(), comment.at());
        }
    }

    private void results(UUID id, ScoringResult result) {
        for (int position = 0; position < result.dimensions().size(); position++) {
            DimensionResult d = result.dimensions().get(position);
            tables.dimensionResults.add(
                    tenant,
                    id,
                    d.code(),
                    position,
                    d.weight(),
                    d.applicable(),
                    d.score(),
                    d.uncappedScore(),
                    d.cappedBy(),
                    d.coverage(),
                    d.provisional(),
                    d.confidence());
        }
        for (int position = 0; position < result.criteria().size(); position++) {
            CriterionResult c = result.criteria().get(position);
            tables.criterionResults.add(
                    tenant,
                    id,
                    c.code(),
                    position,
                    c.dimension(),
                    c.state(),
                    c.recordedLevel(),
                    c.effectiveLevel(),
                    c.gated(),
                    c.target(),
                    c.explicitTarget(),
                    c.gap(),
                    c.priority());
        }
        for (int position = 0; position < result.redFlags().size(); position++) {
            RedFlag flag = result.redFlags().get(position);
            tables.redFlags.add(tenant, id, position, flag.rule(), flag.criterion(), flag.severity(), flag.dealLevel());
        }
    }
}
