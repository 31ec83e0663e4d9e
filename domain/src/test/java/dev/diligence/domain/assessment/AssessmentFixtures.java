package dev.diligence.domain.assessment;

import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.framework.Criterion;
import dev.diligence.domain.framework.FrameworkV1;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.scoring.AssessmentContext;
import dev.diligence.domain.scoring.Confidence;
import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.scoring.ScoringEngine;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Test data: assessments with valid defaults, driven through the real transitions. The default draft
 * of version 1 was started by {@link #ASSESSOR} with every criterion scored 2, HIGH confidence and one
 * note as evidence, in the default context; {@link #REVIEWER} took no part in it.
 */
final class AssessmentFixtures {

    static final FrameworkVersion V1 = FrameworkV1.VERSION;
    static final ScoringEngine ENGINE = new ScoringEngine();
    static final String ASSESSOR = "assessor-ann";
    static final String OTHER_ASSESSOR = "assessor-bob";
    static final String REVIEWER = "reviewer-rita";
    static final String ADMIN = "admin-ada";
    static final Instant STARTED = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant SUBMITTED = Instant.parse("2026-03-05T16:00:00Z");
    static final Instant PUBLISHED = Instant.parse("2026-03-06T10:00:00Z");
    static final Instant RETRACTED = Instant.parse("2026-04-01T12:00:00Z");

    private AssessmentFixtures() {}

    static Builder anAssessment() {
        return new Builder().allScored(2);
    }

    /** A draft in which nothing is scored yet. */
    static Builder anUnscoredAssessment() {
        return new Builder();
    }

    static final class Builder {

        private CompanyId company = CompanyId.random();
        private AssessmentContext context = AssessmentContext.DEFAULT;
        private String starter = ASSESSOR;
        private final Map<String, CriterionScore> scores = new LinkedHashMap<>();

        Builder of(CompanyId value) {
            this.company = value;
            return this;
        }

        Builder startedBy(String value) {
            this.starter = value;
            return this;
        }

        Builder in(UnaryOperator<AssessmentContext> change) {
            this.context = change.apply(context);
            return this;
        }

        Builder allScored(int level) {
            V1.criteria().stream().map(Criterion::code).forEach(code -> scored(code, level, Confidence.HIGH));
            return this;
        }

        Builder scored(String code, int level, Confidence confidence) {
            scores.put(code, CriterionScore.scored(level, confidence, 0));
            return this;
        }

        /** The draft: started, then every score recorded by the starter with one note each. */
        Assessment draft() {
            Assessment draft = Assessment.start(company, V1, context, ASSESSOR, starter, STARTED);
            for (Map.Entry<String, CriterionScore> entry : scores.entrySet()) {
                draft = draft.scoreCriterion(entry.getKey(), entry.getValue(), "seen in the demo", starter, STARTED)
                        .addEvidence(
                                entry.getKey(),
                                EvidenceItem.of(EvidenceKind.NOTE, "interview notes", starter, STARTED),
                                starter,
                                STARTED);
            }
            return draft;
        }

        Assessment inReview() {
            return draft().submit(starter, SUBMITTED);
        }

        Assessment published() {
            return publishedAt(PUBLISHED);
        }

        Assessment publishedAt(Instant when) {
            return inReview().publish(REVIEWER, V1, ENGINE, when);
        }

        Assessment retracted() {
            return published().retract(ADMIN, "scored against the wrong entity", RETRACTED);
        }
    }
}
