package dev.diligence.domain.scoring;

import dev.diligence.domain.framework.Criterion;
import dev.diligence.domain.framework.FrameworkV1;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.framework.WeightDerivation;
import dev.diligence.domain.tenant.TenantId;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Test data: assessments to score, with valid defaults, changed one criterion at a time. The default
 * is every criterion of version 1 scored at level 2 with HIGH confidence and one evidence item, in the
 * default context: no red flag fires and every target (2) is met.
 */
final class Assessments {

    static final ScoringEngine ENGINE = new ScoringEngine();

    private Assessments() {}

    /** Every criterion scored 2, HIGH, with evidence; default context; version 1. */
    static Builder anAssessment() {
        return new Builder().allScored(2);
    }

    /** Nothing recorded yet: every criterion UNKNOWN. */
    static Builder anUnscoredAssessment() {
        return new Builder();
    }

    /** An exact decimal, for assertions that compare scale as well as value (10 places). */
    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** A tenant's version derived from version 1 with some weights changed; fails the test if rejected. */
    static FrameworkVersion derivedFromV1(Map<String, String> weights) {
        Map<String, BigDecimal> decimals = new LinkedHashMap<>();
        weights.forEach((code, weight) -> decimals.put(code, new BigDecimal(weight)));
        WeightDerivation derivation =
                FrameworkV1.VERSION.deriveWeights(1001, new TenantId(UUID.randomUUID()), decimals);
        if (derivation instanceof WeightDerivation.Derived derived) {
            return derived.version();
        }
        throw new AssertionError("weights rejected: " + ((WeightDerivation.Rejected) derivation).violations());
    }

    static final class Builder {

        private FrameworkVersion version = FrameworkV1.VERSION;
        private AssessmentContext context = AssessmentContext.DEFAULT;
        private final Map<String, CriterionScore> scores = new LinkedHashMap<>();

        Builder under(FrameworkVersion frameworkVersion) {
            this.version = frameworkVersion;
            return this;
        }

        Builder in(UnaryOperator<AssessmentContext> change) {
            this.context = change.apply(context);
            return this;
        }

        /** Every criterion scored at {@code level}, HIGH confidence, one evidence item. */
        Builder allScored(int level) {
            version.criteria().stream().map(Criterion::code).forEach(code -> scored(code, level));
            return this;
        }

        /** Scored with HIGH confidence and one evidence item: never gated. */
        Builder scored(String code, int level) {
            return scored(code, level, Confidence.HIGH);
        }

        Builder scored(String code, int level, Confidence confidence) {
            return with(code, CriterionScore.scored(level, confidence, 1));
        }

        Builder scoredWithoutEvidence(String code, int level) {
            return with(code, CriterionScore.scored(level, Confidence.HIGH, 0));
        }

        Builder notApplicable(String... codes) {
            for (String code : codes) {
                with(code, CriterionScore.notApplicable("no such practice at this company"));
            }
            return this;
        }

        Builder unknown(String... codes) {
            for (String code : codes) {
                scores.remove(code);
            }
            return this;
        }

        Builder withTarget(String code, int target) {
            return with(
                    code, scores.getOrDefault(code, CriterionScore.unknown()).withTarget(target));
        }

        Builder with(String code, CriterionScore score) {
            scores.put(code, score);
            return this;
        }

        Map<String, CriterionScore> scores() {
            return Map.copyOf(scores);
        }

        AssessmentContext context() {
            return context;
        }

        FrameworkVersion version() {
            return version;
        }

        ScoringResult score() {
            return ENGINE.score(version, context, scores);
        }
    }
}
