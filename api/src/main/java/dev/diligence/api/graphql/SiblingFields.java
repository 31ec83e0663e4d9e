package dev.diligence.api.graphql;

import graphql.execution.ExecutionStepInfo;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Whether the object a field is fetched on has another field selected beside it, for a batch loader
 * that answers both in one statement when both are asked for. Reads the document's syntax (which the
 * document cache keeps parsed), the way {@code ScoreView} does: fragments and inline fragments count,
 * whatever their type condition, and a field under {@code @skip} or {@code @include} counts as
 * selected. So the answer errs only towards "selected": a loader may read a part nobody shows,
 * never miss one that is shown.
 */
public final class SiblingFields {

    private SiblingFields() {}

    public static boolean selected(DataFetchingEnvironment environment, String sibling) {
        ExecutionStepInfo parent = environment.getExecutionStepInfo().getParent();
        if (parent == null || parent.getField() == null) {
            return true;
        }
        return parent.getField().getFields().stream()
                .anyMatch(field -> names(field.getSelectionSet(), sibling, environment.getFragmentsByName()));
    }

    private static boolean names(
            @Nullable SelectionSet selections, String name, Map<String, FragmentDefinition> fragments) {
        if (selections == null) {
            return false;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field && field.getName().equals(name)
                    || selection instanceof InlineFragment fragment
                            && names(fragment.getSelectionSet(), name, fragments)
                    || selection instanceof FragmentSpread spread
                            && fragments.containsKey(spread.getName())
                            && names(fragments.get(spread.getName()).getSelectionSet(), name, fragments)) {
                return true;
            }
        }
        return false;
    }
}
