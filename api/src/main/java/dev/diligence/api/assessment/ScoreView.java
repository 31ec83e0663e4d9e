package dev.diligence.api.assessment;

import dev.diligence.domain.assessment.StoredScore;
import dev.diligence.domain.scoring.Confidence;
import dev.diligence.domain.scoring.CriterionResult;
import dev.diligence.domain.scoring.DimensionResult;
import dev.diligence.domain.scoring.OverallResult;
import dev.diligence.domain.scoring.RedFlag;
import dev.diligence.domain.scoring.RedFlagEffect;
import dev.diligence.domain.scoring.ScoreState;
import dev.diligence.domain.scoring.ScoringResult;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * GraphQL {@code AssessmentScore}: the engine's result as it is, with every number at its 10 places,
 * so a client can follow each step of docs/framework.md.
 */
record ScoreView(
        int frameworkVersion,
        boolean stored,
        BigDecimal overall,
        BigDecimal percentage,
        BigDecimal floor,
        BigDecimal confidence,
        BigDecimal coverage,
        Integer level,
        Integer uncappedLevel,
        String levelCappedBy,
        boolean levelSuppressed,
        boolean dealLevelRedFlag,
        List<String> provisionalDimensions,
        List<DimensionView> dimensions,
        List<CriterionView> criteria,
        List<RedFlagView> redFlags,
        List<String> notAssessed,
        List<CriterionView> remediationPriorities) {

    /** GraphQL {@code DimensionScore}; {@code capExplanation} is the explanation of the flag that capped it. */
    record DimensionView(
            String code,
            BigDecimal weight,
            boolean applicable,
            BigDecimal score,
            BigDecimal uncappedScore,
            String cappedBy,
            String capExplanation,
            BigDecimal coverage,
            boolean provisional,
            BigDecimal confidence) {}

    /** GraphQL {@code CriterionResult}. */
    record CriterionView(
            String code,
            String dimension,
            BigDecimal weight,
            BigDecimal dimensionWeight,
            ScoreState state,
            Integer recordedLevel,
            Integer effectiveLevel,
            boolean gated,
            Confidence confidence,
            int target,
            boolean explicitTarget,
            Integer gap,
            BigDecimal priority) {

        static CriterionView of(CriterionResult c) {
            return new CriterionView(
                    c.code(),
                    c.dimension(),
                    c.weight(),
                    c.dimensionWeight(),
                    c.state(),
                    c.recordedLevel(),
                    c.effectiveLevel(),
                    c.gated(),
                    c.confidence(),
                    c.target(),
                    c.explicitTarget(),
                    c.gap(),
                    c.priority());
        }
    }

    static ScoreView of(ScoringResult result, boolean stored) {
        OverallResult overall = result.overall();
        return new ScoreView(
                result.frameworkVersion(),
                stored,
                overall == null ? null : overall.score(),
                overall == null ? null : overall.percentage(),
                overall == null ? null : overall.floor(),
                overall == null ? null : overall.confidence(),
                result.coverage(),
                overall == null ? null : overall.level(),
                overall == null ? null : overall.uncappedLevel(),
                overall == null ? null : overall.levelCappedBy(),
                overall != null && overall.levelSuppressed(),
                result.dealLevelRedFlag(),
                result.dimensions().stream()
                        .filter(DimensionResult::provisional)
                        .map(DimensionResult::code)
                        .toList(),
                result.dimensions().stream()
                        .map(d -> dimension(d, result.redFlags()))
                        .toList(),
                result.criteria().stream().map(CriterionView::of).toList(),
                result.redFlags().stream().map(RedFlagView::of).toList(),
                result.notAssessed(),
                result.remediationRanking().stream().map(CriterionView::of).toList());
    }

    /**
     * The score from an assessment's stored numbers alone ({@code published}: stored at publication,
     * otherwise its working score): only the fields of {@link #STORED_FIELDS} are set, the others are
     * empty, so it may answer only a selection within them.
     */
    static ScoreView ofStored(int frameworkVersion, StoredScore score, boolean published) {
        return new ScoreView(
                frameworkVersion,
                published,
                score.overall(),
                score.percentage(),
                score.floor(),
                score.confidence(),
                score.coverage(),
                score.level(),
                null,
                null,
                score.levelSuppressed(),
                score.dealLevelRedFlag(),
                score.dimensions().stream()
                        .filter(DimensionResult::provisional)
                        .map(DimensionResult::code)
                        .toList(),
                score.dimensions().stream()
                        .map(d -> new DimensionView(
                                d.code(),
                                d.weight(),
                                d.applicable(),
                                d.score(),
                                d.uncappedScore(),
                                d.cappedBy(),
                                null,
                                d.coverage(),
                                d.provisional(),
                                d.confidence()))
                        .toList(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    /**
     * The fields of {@code AssessmentScore} (and, under {@code dimensions}, of {@code DimensionScore})
     * that {@link #ofStored} answers exactly as the whole result would, as selection paths. Every
     * field of both types is either here or in {@link #COMPUTED_FIELDS}; a test holds the schema to it.
     */
    static final Set<String> STORED_FIELDS = Set.of(
            "frameworkVersion",
            "stored",
            "overall",
            "percentage",
            "floor",
            "confidence",
            "coverage",
            "level",
            "levelSuppressed",
            "dealLevelRedFlag",
            "provisionalDimensions",
            "dimensions",
            "dimensions/code",
            "dimensions/applicable",
            "dimensions/score",
            "dimensions/uncappedScore",
            "dimensions/cappedBy",
            "dimensions/coverage",
            "dimensions/provisional",
            "dimensions/confidence");

    /**
     * The fields that need the whole result: not stored beside the assessment, or, for a dimension's
     * weight, stored at 10 places where the result gives the framework version's own decimal (0.2000).
     */
    static final Set<String> COMPUTED_FIELDS = Set.of(
            "uncappedLevel",
            "levelCappedBy",
            "dimensions/weight",
            "dimensions/capExplanation",
            "criteria",
            "redFlags",
            "notAssessed",
            "remediationPriorities");

    /**
     * Whether every field the query names under this score, at any depth and in its fragments, is one
     * of {@link #STORED_FIELDS} ({@code __typename} aside). Reads the document's syntax, which the
     * document cache keeps parsed, rather than building the selection set: cheaper per request, and
     * conservative, since a field skipped by {@code @skip} or {@code @include} still counts as named.
     */
    static boolean storedNumbersAnswer(DataFetchingEnvironment environment) {
        return environment.getMergedField().getFields().stream()
                .allMatch(field -> namesOnlyStored(field.getSelectionSet(), "", environment.getFragmentsByName()));
    }

    private static boolean namesOnlyStored(
            @Nullable SelectionSet selections, String prefix, Map<String, FragmentDefinition> fragments) {
        if (selections == null) {
            return true;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (!namesOnlyStored(selection, prefix, fragments)) {
                return false;
            }
        }
        return true;
    }

    private static boolean namesOnlyStored(
            Selection<?> selection, String prefix, Map<String, FragmentDefinition> fragments) {
        if (selection instanceof Field field) {
            String path = prefix + field.getName();
            return field.getName().equals("__typename")
                    || STORED_FIELDS.contains(path) && namesOnlyStored(field.getSelectionSet(), path + "/", fragments);
        }
        if (selection instanceof InlineFragment fragment) {
            return namesOnlyStored(fragment.getSelectionSet(), prefix, fragments);
        }
        if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
            return namesOnlyStored(fragments.get(spread.getName()).getSelectionSet(), prefix, fragments);
        }
        return false;
    }

    private static DimensionView dimension(DimensionResult d, List<RedFlag> flags) {
        String explanation = d.cappedBy() == null
                ? null
                : flags.stream()
                        .filter(flag -> flag.rule().equals(d.cappedBy()))
                        .filter(flag -> flag.effects().stream()
                                .anyMatch(effect -> effect instanceof RedFlagEffect.DimensionCap cap
                                        && cap.dimension().equals(d.code())))
                        .map(RedFlag::explanation)
                        .findFirst()
                        .orElse(null);
        return new DimensionView(
                d.code(),
                d.weight(),
                d.applicable(),
                d.score(),
                d.uncappedScore(),
                d.cappedBy(),
                explanation,
                d.coverage(),
                d.provisional(),
                d.confidence());
    }
}
