package dev.diligence.domain.scoring;

import dev.diligence.domain.framework.Criterion;
import dev.diligence.domain.framework.Dimension;
import dev.diligence.domain.framework.FrameworkV1;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.framework.WeightDerivation;
import dev.diligence.domain.tenant.TenantId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of whole assessments for property tests: version 1 or a tenant version with random
 * valid weights (4 places, sums exactly 1), any context, and every criterion scored (any level,
 * confidence and evidence), unknown or not applicable, sometimes with an explicit target.
 */
final class ScoringScenarios {

    private static final TenantId TENANT = new TenantId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private ScoringScenarios() {}

    /** One assessment to score. */
    record Scenario(FrameworkVersion version, AssessmentContext context, Map<String, CriterionScore> scores) {

        ScoringResult scoreWith(ScoringEngine engine) {
            return engine.score(version, context, scores);
        }

        /** Short enough to read in a failure report: the weights rather than the whole framework. */
        @Override
        public String toString() {
            return "Scenario[version " + version.number() + " " + version.weights() + ", " + context + ", "
                    + new TreeMap<>(scores) + "]";
        }

        Scenario with(String code, CriterionScore score) {
            Map<String, CriterionScore> changed = new HashMap<>(scores);
            changed.put(code, score);
            return new Scenario(version, context, changed);
        }
    }

    static Arbitrary<Scenario> scenarios() {
        return Combinators.combine(versions(), contexts(), scores()).as(Scenario::new);
    }

    static Arbitrary<FrameworkVersion> versions() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(FrameworkV1.VERSION)), Tuple.of(3, derivedVersions()));
    }

    private static Arbitrary<FrameworkVersion> derivedVersions() {
        List<Dimension> dimensions = FrameworkV1.VERSION.dimensions();
        List<Arbitrary<List<BigDecimal>>> parts = new ArrayList<>();
        parts.add(weightsSummingToOne(dimensions.size()));
        dimensions.forEach(d -> parts.add(weightsSummingToOne(d.criteria().size())));
        return Combinators.combine(parts).as(weightLists -> {
            Map<String, BigDecimal> weights = new LinkedHashMap<>();
            for (int i = 0; i < dimensions.size(); i++) {
                Dimension dimension = dimensions.get(i);
                weights.put(dimension.code(), weightLists.get(0).get(i));
                List<Criterion> criteria = dimension.criteria();
                for (int j = 0; j < criteria.size(); j++) {
                    weights.put(criteria.get(j).code(), weightLists.get(i + 1).get(j));
                }
            }
            WeightDerivation derivation = FrameworkV1.VERSION.deriveWeights(1001, TENANT, weights);
            return ((WeightDerivation.Derived) derivation).version();
        });
    }

    /** {@code count} positive 4-place weights that sum to exactly 1: cuts of 1..9999 ten-thousandths. */
    private static Arbitrary<List<BigDecimal>> weightsSummingToOne(int count) {
        return Arbitraries.integers().between(1, 9_999).set().ofSize(count - 1).map(cuts -> {
            List<Integer> sorted = new ArrayList<>(cuts);
            sorted.sort(null);
            sorted.add(10_000);
            List<BigDecimal> weights = new ArrayList<>();
            int previous = 0;
            for (int cut : sorted) {
                weights.add(
                        BigDecimal.valueOf(cut - previous).divide(TEN_THOUSAND).setScale(4));
                previous = cut;
            }
            return weights;
        });
    }

    static Arbitrary<AssessmentContext> contexts() {
        Arbitrary<BigDecimal> ratios = Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, BigDecimal.ONE)
                .ofScale(2)
                .injectNull(0.3);
        Arbitrary<Set<SensitiveDomain>> domains =
                Arbitraries.of(SensitiveDomain.class).set();
        return Combinators.combine(
                        Arbitraries.of(true, false),
                        Arbitraries.of(EuAiActTier.class),
                        domains,
                        ratios,
                        Arbitraries.of(true, false))
                .as(AssessmentContext::new);
    }

    static Arbitrary<Map<String, CriterionScore>> scores() {
        List<String> codes =
                FrameworkV1.VERSION.criteria().stream().map(Criterion::code).toList();
        List<Arbitrary<CriterionScore>> perCriterion =
                codes.stream().map(code -> criterionScores()).toList();
        return Combinators.combine(perCriterion).as(list -> {
            Map<String, CriterionScore> scores = new HashMap<>();
            for (int i = 0; i < codes.size(); i++) {
                scores.put(codes.get(i), list.get(i));
            }
            return scores;
        });
    }

    static Arbitrary<CriterionScore> criterionScores() {
        Arbitrary<CriterionScore> scored = Combinators.combine(
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.of(Confidence.class),
                        Arbitraries.integers().between(0, 2))
                .as(CriterionScore::scored);
        Arbitrary<CriterionScore> state = Arbitraries.frequencyOf(
                Tuple.of(6, scored),
                Tuple.of(2, Arbitraries.just(CriterionScore.unknown())),
                Tuple.of(2, Arbitraries.just(CriterionScore.notApplicable("does not apply"))));
        Arbitrary<Integer> targets = Arbitraries.integers().between(0, 4).injectNull(0.7);
        return Combinators.combine(state, targets).as(CriterionScore::withTarget);
    }
}
