package dev.diligence.domain.assessment;

import static dev.diligence.domain.assessment.WorkflowGuards.requireStatus;
import static dev.diligence.domain.assessment.WorkflowGuards.requireText;

import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.scoring.AssessmentContext;
import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.scoring.ScoringEngine;
import dev.diligence.domain.scoring.ScoringResult;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An assessment of a company under one framework version. Invariants: the criteria are exactly the
 * version's; scores, evidence and context change only in {@code DRAFT}, and each change records its
 * actor as an editor; the status moves only along {@link AssessmentStatus#next}; a publication is
 * present exactly when published or retracted, a retraction exactly when retracted; nobody who
 * submitted or edited it publishes it (four eyes). Every transition returns a new value;
 * {@code version} is the stored version for optimistic locking, incremented by the store.
 */
public record Assessment(
        AssessmentId id,
        CompanyId company,
        int frameworkVersion,
        AssessmentContext context,
        String leadAssessor,
        CriterionAssessments criteria,
        AssessmentStatus status,
        ReviewTrail review,
        @Nullable Publication publication,
        @Nullable Retraction retraction,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Assessment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(leadAssessor, "leadAssessor");
        Objects.requireNonNull(status, "status");
        if (status.isPublished() != (publication != null)
                || (status == AssessmentStatus.RETRACTED) != (retraction != null)) {
            throw new IllegalArgumentException(
                    "a publication belongs to published assessments, a retraction to retracted ones");
        }
    }

    /** A new draft with every criterion of {@code version} not assessed yet; {@code actor} is its first editor. */
    public static Assessment start(
            CompanyId company,
            FrameworkVersion version,
            AssessmentContext context,
            String leadAssessor,
            String actor,
            Instant now) {
        RuleViolationException.throwIfAny(context.violations());
        return new Assessment(
                AssessmentId.random(),
                company,
                version.number(),
                context,
                requireText(leadAssessor, "leadAssessor", 255),
                CriterionAssessments.unassessed(version),
                AssessmentStatus.DRAFT,
                ReviewTrail.startedBy(actor),
                null,
                null,
                0,
                now,
                now);
    }

    /**
     * A new draft of the same company that starts from {@code latest}: its context, and its scores,
     * rationales and evidence for every criterion {@code version} shares with it. Refused unless
     * {@code latest} is published (a retracted one no longer counts).
     */
    public static Assessment startFrom(
            Assessment latest, FrameworkVersion version, String leadAssessor, String actor, Instant now) {
        requireStatus(latest, AssessmentStatus.PUBLISHED, "be started from");
        return new Assessment(
                AssessmentId.random(),
                latest.company,
                version.number(),
                latest.context,
                requireText(leadAssessor, "leadAssessor", 255),
                CriterionAssessments.copiedFrom(latest.criteria, version),
                AssessmentStatus.DRAFT,
                ReviewTrail.startedBy(actor),
                null,
                null,
                0,
                now,
                now);
    }

    /** Records {@code score} and {@code rationale} for criterion {@code code}; evidence is kept. */
    public Assessment scoreCriterion(
            String code, CriterionScore score, @Nullable String rationale, String actor, Instant now) {
        WorkflowGuards.requireEditable(this, code);
        RuleViolationException.throwIfAny(CriterionAssessment.violations(code, score, rationale));
        String stripped = rationale == null || rationale.isBlank() ? null : rationale.strip();
        return edited(context, criteria.with(code, c -> c.rescored(score, stripped)), actor, now);
    }

    public Assessment setContext(AssessmentContext newContext, String actor, Instant now) {
        requireStatus(this, AssessmentStatus.DRAFT, "change its context");
        RuleViolationException.throwIfAny(newContext.violations());
        return edited(newContext, criteria, actor, now);
    }

    public Assessment addEvidence(String code, EvidenceItem item, String actor, Instant now) {
        WorkflowGuards.requireEditable(this, code);
        return edited(context, criteria.with(code, c -> c.withEvidence(item)), actor, now);
    }

    public Assessment removeEvidence(String code, UUID itemId, String actor, Instant now) {
        WorkflowGuards.requireEditable(this, code);
        if (!criteria.find(code).orElseThrow().hasEvidence(itemId)) {
            throw new RuleViolationException(new Violation(
                    List.of("criteria", code, "evidence"),
                    ViolationCode.NOT_FOUND,
                    "criterion " + code + " has no evidence item " + itemId));
        }
        return edited(context, criteria.with(code, c -> c.withoutEvidence(itemId)), actor, now);
    }

    /** DRAFT → IN_REVIEW. Refused while no criterion is scored: there would be nothing to review. */
    public Assessment submit(String actor, Instant now) {
        requireStatus(this, AssessmentStatus.DRAFT, "be submitted");
        if (!criteria.anyScored()) {
            throw new RuleViolationException(Violation.of(
                    "criteria",
                    ViolationCode.INVALID_STATE,
                    "an assessment needs at least one scored criterion before it is submitted"));
        }
        return moved(AssessmentStatus.IN_REVIEW, review.submittedBy(actor), publication, retraction, now);
    }

    /** IN_REVIEW → DRAFT, with a required comment that stays on the assessment. */
    public Assessment requestChanges(String reviewer, String comment, Instant now) {
        requireStatus(this, AssessmentStatus.IN_REVIEW, "be sent back");
        String text = requireText(comment, "comment", ReviewComment.TEXT_MAX_LENGTH);
        return moved(AssessmentStatus.DRAFT, review.commented(new ReviewComment(reviewer, text, now)), null, null, now);
    }

    /**
     * IN_REVIEW → PUBLISHED, storing the engine's result for the recorded inputs. Four eyes: refused
     * when {@code reviewer} submitted or edited this assessment, whatever their roles.
     */
    public Assessment publish(String reviewer, FrameworkVersion version, ScoringEngine engine, Instant now) {
        requireStatus(this, AssessmentStatus.IN_REVIEW, "be published");
        review.requireIndependent(reviewer);
        Publication published = new Publication(reviewer, now, liveScore(version, engine));
        return moved(AssessmentStatus.PUBLISHED, review, published, null, now);
    }

    /** PUBLISHED → RETRACTED with a required reason; the publication and its scores stay in history. */
    public Assessment retract(String actor, String reason, Instant now) {
        requireStatus(this, AssessmentStatus.PUBLISHED, "be retracted");
        String text = requireText(reason, "reason", Retraction.REASON_MAX_LENGTH);
        return moved(AssessmentStatus.RETRACTED, review, publication, new Retraction(actor, text, now), now);
    }

    /** The scores stored at publication once published; otherwise computed live from the recorded inputs. */
    public ScoringResult score(FrameworkVersion version, ScoringEngine engine) {
        return publication != null ? publication.result() : liveScore(version, engine);
    }

    /** Fails with {@code STALE_VERSION} unless {@code expectedVersion} is the current version. */
    public void requireVersion(long expectedVersion) {
        if (expectedVersion != version) {
            throw new RuleViolationException(Violation.of(
                    "expectedVersion",
                    ViolationCode.STALE_VERSION,
                    "the assessment was changed since version " + expectedVersion + "; its current version is "
                            + version));
        }
    }

    private ScoringResult liveScore(FrameworkVersion version, ScoringEngine engine) {
        WorkflowGuards.requireVersion(this, version);
        return engine.score(version, context, criteria.scores());
    }

    private Assessment edited(
            AssessmentContext newContext, CriterionAssessments newCriteria, String actor, Instant now) {
        return new Assessment(
                id,
                company,
                frameworkVersion,
                newContext,
                leadAssessor,
                newCriteria,
                status,
                review.editedBy(actor),
                publication,
                retraction,
                version,
                createdAt,
                now);
    }

    private Assessment moved(
            AssessmentStatus target,
            ReviewTrail trail,
            @Nullable Publication newPublication,
            @Nullable Retraction newRetraction,
            Instant now) {
        return new Assessment(
                id,
                company,
                frameworkVersion,
                context,
                leadAssessor,
                criteria,
                target,
                trail,
                newPublication,
                newRetraction,
                version,
                createdAt,
                now);
    }
}
