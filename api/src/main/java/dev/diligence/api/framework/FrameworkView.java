package dev.diligence.api.framework;

import dev.diligence.domain.framework.Criterion;
import dev.diligence.domain.framework.Dimension;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.framework.MaturityLevel;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** GraphQL {@code FrameworkVersion} and its parts. */
record FrameworkView(
        int version, int baseVersion, boolean derived, String redFlagRuleSet, List<DimensionView> dimensions) {

    record DimensionView(String code, String name, BigDecimal weight, List<CriterionView> criteria) {}

    record CriterionView(
            String code, String name, BigDecimal weight, List<LevelView> levels, List<ReferenceView> references) {}

    record LevelView(int level, String name, String description) {}

    record ReferenceView(String standard, String clause, String citation) {}

    static FrameworkView of(FrameworkVersion version) {
        return new FrameworkView(
                version.number(),
                version.baseVersion(),
                version.isDerived(),
                version.redFlagRuleSet().value(),
                version.dimensions().stream().map(FrameworkView::dimension).toList());
    }

    private static DimensionView dimension(Dimension dimension) {
        return new DimensionView(
                dimension.code(),
                dimension.name(),
                dimension.weight(),
                dimension.criteria().stream().map(FrameworkView::criterion).toList());
    }

    private static CriterionView criterion(Criterion criterion) {
        List<LevelView> levels = Arrays.stream(MaturityLevel.values())
                .map(level -> new LevelView(
                        level.number(), level.label(), criterion.descriptors().describe(level)))
                .toList();
        List<ReferenceView> references = criterion.references().stream()
                .map(reference ->
                        new ReferenceView(reference.standard().title(), reference.clause(), reference.citation()))
                .toList();
        return new CriterionView(criterion.code(), criterion.name(), criterion.weight(), levels, references);
    }
}
