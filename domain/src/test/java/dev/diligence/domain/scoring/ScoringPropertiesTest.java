package dev.diligence.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.framework.Criterion;
import dev.diligence.domain.framework.Dimension;
import dev.diligence.domain.scoring.ScoringScenarios.Scenario;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of scoring over generated assessments, versions and contexts. */
class ScoringPropertiesTest {

    private static final ScoringEngine ENGINE = new ScoringEngine();
    private static final ScoringEngine WITHOUT_RED_FLAGS = new ScoringEngine(id -> new RedFlagRuleSet(id, List.of()));
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Provide
    Arbitrary<Scenario> assessments() {
        return ScoringScenarios.scenarios();
    }

    @Property
    void everyScoreLiesBetweenZeroAndFourWithTenPlaces(@ForAll("assessments") Scenario scenario) {
        ScoringResult result = scenario.scoreWith(ENGINE);

        for (DimensionResult dimension : result.dimensions()) {
            if (dimension.hasScore()) {
                assertWithin(dimension.score(), BigDecimal.ZERO, FOUR);
                assertWithin(dimension.uncappedScore(), BigDecimal.ZERO, FOUR);
            }
        }
        if (result.overall() != null) {
            assertWithin(result.overall().score(), BigDecimal.ZERO, FOUR);
            assertWithin(
                    result.overall().floor(), BigDecimal.ZERO, result.overall().score());
            assertWithin(result.overall().percentage(), BigDecimal.ZERO, HUNDRED);
        }
    }

    @Property
    void coverageAndConfidenceLieBetweenZeroAndOne(@ForAll("assessments") Scenario scenario) {
        ScoringResult result = scenario.scoreWith(ENGINE);

        result.dimensions().stream()
                .flatMap(d -> Stream.of(d.coverage(), d.confidence()))
                .filter(Objects::nonNull)
                .forEach(value -> assertWithin(value, BigDecimal.ZERO, BigDecimal.ONE));
        if (result.coverage() != null) {
            assertWithin(result.coverage(), BigDecimal.ZERO, BigDecimal.ONE);
        }
        if (result.overall() != null) {
            assertWithin(result.overall().confidence(), BigDecimal.ZERO, BigDecimal.ONE);
        }
    }

    @Property
    void theLevelNeverExceedsTheFloorOfOOrTheFloorOfFPlusOne(@ForAll("assessments") Scenario scenario) {
        OverallResult overall = scenario.scoreWith(ENGINE).overall();
        if (overall == null || overall.level() == null) {
            return;
        }

        assertThat(overall.level())
                .isBetween(0, 4)
                .isLessThanOrEqualTo(ScoringMath.floor(overall.score()))
                .isLessThanOrEqualTo(ScoringMath.floor(overall.floor()) + 1);
    }

    @Property
    void aCapNeverRaisesAnything(@ForAll("assessments") Scenario scenario) {
        ScoringResult capped = scenario.scoreWith(ENGINE);
        ScoringResult uncapped = scenario.scoreWith(WITHOUT_RED_FLAGS);

        for (int i = 0; i < capped.dimensions().size(); i++) {
            DimensionResult dimension = capped.dimensions().get(i);
            if (dimension.hasScore()) {
                assertThat(dimension.score())
                        .isLessThanOrEqualTo(dimension.uncappedScore())
                        .isLessThanOrEqualTo(uncapped.dimensions().get(i).score());
            }
        }
        if (capped.overall() != null) {
            assertThat(capped.overall().score())
                    .isLessThanOrEqualTo(uncapped.overall().score());
            assertThat(capped.overall().floor())
                    .isLessThanOrEqualTo(uncapped.overall().floor());
            if (capped.overall().level() != null) {
                assertThat(capped.overall().level())
                        .isLessThanOrEqualTo(capped.overall().uncappedLevel())
                        .isLessThanOrEqualTo(uncapped.overall().level());
            }
        }
    }

    /** The evidence gate never lowers a score either: it holds a level at 2, never below what was recorded. */
    @Property
    void raisingOneCriterionsLevelNeverLowersItsDimensionOrTheOverallScore(
            @ForAll("assessments") Scenario scenario,
            @ForAll @IntRange(min = 0, max = 13) int criterionIndex,
            @ForAll @IntRange(min = 0, max = 3) int level,
            @ForAll @IntRange(min = 1, max = 4) int raise,
            @ForAll Confidence confidence,
            @ForAll @IntRange(max = 1) int evidence) {
        Criterion criterion = scenario.version().criteria().get(criterionIndex);
        Scenario before = scenario.with(criterion.code(), CriterionScore.scored(level, confidence, evidence));
        Scenario after = scenario.with(
                criterion.code(), CriterionScore.scored(Math.min(4, level + raise), confidence, evidence));

        ScoringResult lower = before.scoreWith(ENGINE);
        ScoringResult higher = after.scoreWith(ENGINE);

        String dimension = scenario.version()
                .dimensionOf(criterion.code())
                .map(Dimension::code)
                .orElseThrow();
        DimensionResult lowerDimension = lower.dimension(dimension).orElseThrow();
        DimensionResult higherDimension = higher.dimension(dimension).orElseThrow();
        assertThat(higherDimension.uncappedScore()).isGreaterThanOrEqualTo(lowerDimension.uncappedScore());
        assertThat(higherDimension.score()).isGreaterThanOrEqualTo(lowerDimension.score());
        assertThat(higher.overall().score())
                .isGreaterThanOrEqualTo(lower.overall().score());
        if (lower.level().isPresent()) {
            assertThat(higher.level())
                    .hasValueSatisfying(l ->
                            assertThat(l).isGreaterThanOrEqualTo(lower.level().get()));
        }
    }

    /** Recomputes step 1 and 2 from the raw inputs, independently of the engine's classes. */
    @Property
    void theUncappedDimensionScoreIsTheWeightedMeanOfEffectiveLevels(@ForAll("assessments") Scenario scenario) {
        ScoringResult result = scenario.scoreWith(ENGINE);

        for (Dimension dimension : scenario.version().dimensions()) {
            BigDecimal weighted = BigDecimal.ZERO;
            BigDecimal weights = BigDecimal.ZERO;
            for (Criterion criterion : dimension.criteria()) {
                CriterionScore score = scenario.scores().get(criterion.code());
                if (score.state() == ScoreState.SCORED) {
                    boolean gated =
                            score.level() >= 3 && (score.confidence() == Confidence.LOW || score.evidenceCount() == 0);
                    weighted = weighted.add(criterion.weight().multiply(BigDecimal.valueOf(gated ? 2 : score.level())));
                    weights = weights.add(criterion.weight());
                }
            }
            BigDecimal expected = weights.signum() == 0 ? null : weighted.divide(weights, 10, RoundingMode.HALF_EVEN);
            assertThat(result.dimension(dimension.code()).orElseThrow().uncappedScore())
                    .isEqualTo(expected);
        }
    }

    @Property
    void theOverallScoreIsTheWeightedMeanOfTheCappedDimensionScores(@ForAll("assessments") Scenario scenario) {
        ScoringResult result = scenario.scoreWith(ENGINE);
        List<DimensionResult> scored =
                result.dimensions().stream().filter(DimensionResult::hasScore).toList();
        if (scored.isEmpty()) {
            assertThat(result.overall()).isNull();
            return;
        }
        BigDecimal weighted =
                scored.stream().map(d -> d.weight().multiply(d.score())).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal weights = scored.stream().map(DimensionResult::weight).reduce(BigDecimal.ZERO, BigDecimal::add);

        assertThat(result.overall().score()).isEqualTo(weighted.divide(weights, 10, RoundingMode.HALF_EVEN));
        assertThat(result.overall().floor())
                .isEqualTo(scored.stream()
                        .map(DimensionResult::score)
                        .min(BigDecimal::compareTo)
                        .orElseThrow());
    }

    @Property
    void coverageExcludesNotApplicableCriteria(@ForAll("assessments") Scenario scenario) {
        ScoringResult result = scenario.scoreWith(ENGINE);

        for (Dimension dimension : scenario.version().dimensions()) {
            BigDecimal scored = BigDecimal.ZERO;
            BigDecimal applicable = BigDecimal.ZERO;
            for (Criterion criterion : dimension.criteria()) {
                ScoreState state = scenario.scores().get(criterion.code()).state();
                scored = state == ScoreState.SCORED ? scored.add(criterion.weight()) : scored;
                applicable = state != ScoreState.NOT_APPLICABLE ? applicable.add(criterion.weight()) : applicable;
            }
            BigDecimal coverage =
                    result.dimension(dimension.code()).orElseThrow().coverage();
            if (applicable.signum() == 0) {
                assertThat(coverage).isNull();
            } else {
                assertThat(coverage).isEqualTo(ScoringMath.divide(scored, applicable));
            }
        }
    }

    @Property
    void aNotApplicableCriterionNeverCountsAsUnscored(
            @ForAll("assessments") Scenario scenario, @ForAll @IntRange(min = 0, max = 13) int criterionIndex) {
        Criterion criterion = scenario.version().criteria().get(criterionIndex);
        String dimension = scenario.version()
                .dimensionOf(criterion.code())
                .map(Dimension::code)
                .orElseThrow();

        DimensionResult notApplicable = scenario.with(criterion.code(), CriterionScore.notApplicable("does not apply"))
                .scoreWith(ENGINE)
                .dimension(dimension)
                .orElseThrow();
        DimensionResult unknown = scenario.with(criterion.code(), CriterionScore.unknown())
                .scoreWith(ENGINE)
                .dimension(dimension)
                .orElseThrow();

        // (the capped scores may differ: RF3 counts an UNKNOWN governance criterion, not a NOT_APPLICABLE one)
        assertThat(notApplicable.uncappedScore()).isEqualTo(unknown.uncappedScore());
        if (notApplicable.hasScore()) {
            assertThat(notApplicable.coverage()).isGreaterThan(unknown.coverage());
        } else if (notApplicable.applicable()) {
            assertThat(notApplicable.coverage()).isEqualTo(unknown.coverage()).isEqualTo(ScoringMath.exact(0));
        } else {
            assertThat(unknown.coverage()).isEqualTo(ScoringMath.exact(0));
        }
    }

    @Property
    void theEffectiveLevelNeverExceedsTheRecordedOne(@ForAll("assessments") Scenario scenario) {
        scenario.scoreWith(ENGINE).criteria().stream()
                .filter(CriterionResult::isScored)
                .forEach(criterion -> {
                    assertThat(criterion.effectiveLevel()).isLessThanOrEqualTo(criterion.recordedLevel());
                    assertThat(criterion.gated())
                            .isEqualTo(!criterion.effectiveLevel().equals(criterion.recordedLevel()));
                });
    }

    private static void assertWithin(BigDecimal value, BigDecimal low, BigDecimal high) {
        assertThat(value.scale()).isEqualTo(ScoringMath.SCALE);
        assertThat(value).isBetween(low, high);
    }
}
