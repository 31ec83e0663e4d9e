package dev.diligence.persistence.testing;

import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.assessment.EvidenceItem;
import dev.diligence.domain.assessment.EvidenceKind;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.framework.Criterion;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.scoring.AssessmentContext;
import dev.diligence.domain.scoring.Confidence;
import dev.diligence.domain.scoring.CriterionScore;
import dev.diligence.domain.scoring.EuAiActTier;
import dev.diligence.domain.scoring.ScoringEngine;
import dev.diligence.domain.scoring.SensitiveDomain;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Random;
import java.util.Set;

/**
 * Generates believable, varied assessments of companies, reproducibly from a seed: every criterion
 * state, levels 0-4, every confidence, levels gated by missing evidence, contexts that fire every
 * red-flag rule (a prohibited tier now and then suppresses the level), explicit targets. Assessments
 * are built and published through the domain, so their stored results are the engine's; callers
 * store them through the {@code Assessments} port. Portfolio tests and benchmarks share it.
 */
public final class PortfolioGenerator {

    private static final Confidence[] CONFIDENCES = Confidence.values();
    private static final EuAiActTier[] TIERS = {
        EuAiActTier.MINIMAL,
        EuAiActTier.LIMITED,
        EuAiActTier.HIGH,
        EuAiActTier.UNCLASSIFIED,
        EuAiActTier.MINIMAL,
        EuAiActTier.LIMITED,
        EuAiActTier.HIGH
    };

    private final Random random;
    private final ScoringEngine engine = new ScoringEngine();

    public PortfolioGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** A random context; about one in {@code prohibitedOneIn} is of a prohibited practice (RF1). */
    public AssessmentContext context(int prohibitedOneIn) {
        EuAiActTier tier =
                random.nextInt(prohibitedOneIn) == 0 ? EuAiActTier.PROHIBITED : TIERS[random.nextInt(TIERS.length)];
        Set<SensitiveDomain> domains =
                random.nextInt(3) == 0 ? Set.of(SensitiveDomain.values()[random.nextInt(6)]) : Set.of();
        BigDecimal ratio = random.nextBoolean() ? null : BigDecimal.valueOf(55 + random.nextInt(45), 2);
        return new AssessmentContext(random.nextInt(4) != 0, tier, domains, ratio, random.nextBoolean());
    }

    /** A draft of {@code company} with every criterion given a random score, evidence on about half of them. */
    public Assessment draft(
            CompanyId company, FrameworkVersion version, AssessmentContext context, String assessor, Instant at) {
        Assessment assessment = Assessment.start(company, version, context, assessor, assessor, at);
        for (Criterion criterion : version.criteria()) {
            assessment = assessment.scoreCriterion(criterion.code(), score(), null, assessor, at);
            if (random.nextBoolean()) {
                assessment = assessment.addEvidence(
                        criterion.code(),
                        EvidenceItem.of(EvidenceKind.NOTE, "observed " + criterion.code(), assessor, at),
                        assessor,
                        at);
            }
        }
        // at least one scored criterion, so the draft can be submitted
        return assessment.scoreCriterion(
                version.criteria().get(0).code(),
                CriterionScore.scored(random.nextInt(5), CONFIDENCES[random.nextInt(3)], 0),
                null,
                assessor,
                at);
    }

    /** A copy of {@code original}'s recorded inputs for {@code company}: equal scores, so a tie. */
    public Assessment twin(
            Assessment original, CompanyId company, FrameworkVersion version, String assessor, Instant at) {
        Assessment assessment = Assessment.start(company, version, original.context(), assessor, assessor, at);
        for (var criterion : original.criteria().all()) {
            assessment = assessment.scoreCriterion(criterion.code(), criterion.score(), null, assessor, at);
            for (EvidenceItem item : criterion.evidence()) {
                assessment = assessment.addEvidence(
                        criterion.code(), EvidenceItem.of(item.kind(), item.value(), assessor, at), assessor, at);
            }
        }
        return assessment;
    }

    /** {@code draft} submitted by its assessor and published by {@code reviewer} at {@code at}, scored under {@code version}. */
    public Assessment published(Assessment draft, FrameworkVersion version, String reviewer, Instant at) {
        return draft.submit(draft.leadAssessor(), at).publish(reviewer, version, engine, at);
    }

    /** A random number in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private CriterionScore score() {
        int roll = random.nextInt(20);
        if (roll == 0) {
            return CriterionScore.notApplicable("not relevant here");
        }
        if (roll <= 2) {
            return CriterionScore.unknown();
        }
        CriterionScore scored = CriterionScore.scored(random.nextInt(5), CONFIDENCES[random.nextInt(3)], 0);
        return random.nextInt(6) == 0 ? scored.withTarget(random.nextInt(5)) : scored;
    }
}
