package dev.diligence.api.limits;

import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * What the limits measure of a parsed document, before it is validated: the worst of its operations
 * (an unexecuted operation is still validated, so it counts too). Fragment spreads are expanded,
 * each fragment measured once, so the walk stays linear in the document however often fragments
 * spread into each other; a fragment cycle counts as empty (validation rejects it afterwards).
 *
 * @param depth         most fields on one path from a root field to a leaf; {@code __schema} and
 *                      {@code __type} count nothing (graphql-java's good-faith introspection check bounds them)
 * @param aliases       aliased fields of the worst operation, counted at every place a fragment spreads
 * @param rootFields    root fields of the worst operation, {@code __typename} aside
 * @param fieldRepeats  most selections of one response key (a field's alias or name, {@code __typename}
 *                      too) in one selection set as written, its inline fragments and fragment spreads
 *                      merged into it; sets that merge only at execution, below a repeated field, are
 *                      bounded through that field's own count
 * @param maxDirectives most directives on one operation, field, fragment spread, inline fragment or fragment
 */
record DocumentShape(long depth, long aliases, long rootFields, long fieldRepeats, long maxDirectives) {

    static DocumentShape of(Document document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class)
                .forEach(fragment -> fragments.putIfAbsent(fragment.getName(), fragment));
        Measure depth = new Measure(fragments, DocumentShape::depthOf, Math::max);
        Measure aliases = new Measure(fragments, DocumentShape::aliasesOf, DocumentShape::sum);
        Measure rootFields =
                new Measure(fragments, field -> field.getName().equals("__typename") ? 0 : 1, DocumentShape::sum);
        KeyCounts keyCounts = new KeyCounts(fragments);
        long maxDepth = 0;
        long maxAliases = 0;
        long maxRootFields = 0;
        long maxFieldRepeats = 0;
        long maxDirectives = 0;
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            maxDepth = Math.max(maxDepth, depth.of(operation.getSelectionSet()));
            maxAliases = Math.max(maxAliases, aliases.of(operation.getSelectionSet()));
            maxRootFields = Math.max(maxRootFields, rootFields.of(operation.getSelectionSet()));
            maxFieldRepeats = Math.max(
                    maxFieldRepeats,
                    Math.max(
                            keyCounts.mostRepeated(operation.getSelectionSet()),
                            fieldRepeatsBelow(operation.getSelectionSet(), keyCounts)));
            maxDirectives = Math.max(
                    maxDirectives,
                    Math.max(count(operation.getDirectives()), directivesIn(operation.getSelectionSet())));
        }
        for (FragmentDefinition fragment : fragments.values()) {
            // the fragment's own set counts where it spreads, merged into the set around the spread
            maxFieldRepeats = Math.max(maxFieldRepeats, fieldRepeatsBelow(fragment.getSelectionSet(), keyCounts));
            maxDirectives = Math.max(
                    maxDirectives, Math.max(count(fragment.getDirectives()), directivesIn(fragment.getSelectionSet())));
        }
        return new DocumentShape(maxDepth, maxAliases, maxRootFields, maxFieldRepeats, maxDirectives);
    }

    /**
     * The most repeated response key of the selection sets of the fields written in {@code set} (and
     * in its inline fragments), at any depth; spreads are not followed, as each fragment definition
     * is walked once by itself. So every selection set of a field is counted once, where it is written.
     */
    private static long fieldRepeatsBelow(SelectionSet set, KeyCounts keyCounts) {
        long max = 0;
        if (set == null) {
            return max;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field && field.getSelectionSet() != null) {
                max = Math.max(
                        max,
                        Math.max(
                                keyCounts.mostRepeated(field.getSelectionSet()),
                                fieldRepeatsBelow(field.getSelectionSet(), keyCounts)));
            } else if (selection instanceof InlineFragment inline) {
                max = Math.max(max, fieldRepeatsBelow(inline.getSelectionSet(), keyCounts));
            }
        }
        return max;
    }

    private static long depthOf(Field field, Measure depth) {
        if (field.getName().equals("__schema") || field.getName().equals("__type")) {
            return 0;
        }
        return 1 + depth.of(field.getSelectionSet());
    }

    private static long aliasesOf(Field field, Measure aliases) {
        return sum(field.getAlias() == null ? 0 : 1, aliases.of(field.getSelectionSet()));
    }

    /** Directives are counted where they are written: a fragment's once, however often it spreads. */
    private static long directivesIn(SelectionSet set) {
        long max = 0;
        if (set == null) {
            return max;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                max = Math.max(max, Math.max(count(field.getDirectives()), directivesIn(field.getSelectionSet())));
            } else if (selection instanceof InlineFragment inline) {
                max = Math.max(max, Math.max(count(inline.getDirectives()), directivesIn(inline.getSelectionSet())));
            } else if (selection instanceof FragmentSpread spread) {
                max = Math.max(max, count(spread.getDirectives()));
            }
        }
        return max;
    }

    private static long count(List<Directive> directives) {
        return directives.size();
    }

    private static long sum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** Folds a per-field value over a selection set, spreading fragments, each fragment computed once. */
    private static final class Measure {

        private final Map<String, FragmentDefinition> fragments;
        private final FieldValue fieldValue;
        private final LongCombiner combiner;
        private final Map<String, Long> ofFragment = new HashMap<>();
        private final Set<String> inProgress = new HashSet<>();

        Measure(Map<String, FragmentDefinition> fragments, FieldValue fieldValue, LongCombiner combiner) {
            this.fragments = fragments;
            this.fieldValue = fieldValue;
            this.combiner = combiner;
        }

        Measure(Map<String, FragmentDefinition> fragments, ToLongFunction<Field> leafValue, LongCombiner combiner) {
            this(fragments, (field, measure) -> leafValue.applyAsLong(field), combiner);
        }

        long of(SelectionSet set) {
            long result = 0;
            if (set == null) {
                return result;
            }
            for (Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field field) {
                    result = combiner.combine(result, fieldValue.of(field, this));
                } else if (selection instanceof InlineFragment inline) {
                    result = combiner.combine(result, of(inline.getSelectionSet()));
                } else if (selection instanceof FragmentSpread spread) {
                    result = combiner.combine(result, ofFragment(spread.getName()));
                }
            }
            return result;
        }

        private long ofFragment(String name) {
            Long known = ofFragment.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition fragment = fragments.get(name);
            if (fragment == null || !inProgress.add(name)) {
                return 0;
            }
            long value = of(fragment.getSelectionSet());
            inProgress.remove(name);
            ofFragment.put(name, value);
            return value;
        }
    }

    /**
     * How often each response key is selected in a selection set once its inline fragments and
     * fragment spreads are merged into it. Each fragment's counts are computed once and added at each
     * of its spreads, so the work is at most the document's selections plus its spreads times its
     * distinct response keys, however often fragments spread into each other; counts saturate at
     * {@link Long#MAX_VALUE}, and a fragment cycle counts as empty.
     */
    private static final class KeyCounts {

        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Map<String, Long>> ofFragment = new HashMap<>();
        private final Set<String> inProgress = new HashSet<>();

        KeyCounts(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        long mostRepeated(SelectionSet set) {
            return of(set).values().stream().mapToLong(Long::longValue).max().orElse(0);
        }

        private Map<String, Long> of(SelectionSet set) {
            Map<String, Long> counts = new HashMap<>();
            if (set == null) {
                return counts;
            }
            for (Selection<?> selection : set.getSelections()) {
                if (selection instanceof Field field) {
                    counts.merge(field.getResultKey(), 1L, DocumentShape::sum);
                } else if (selection instanceof InlineFragment inline) {
                    of(inline.getSelectionSet()).forEach((key, count) -> counts.merge(key, count, DocumentShape::sum));
                } else if (selection instanceof FragmentSpread spread) {
                    ofFragment(spread.getName()).forEach((key, count) -> counts.merge(key, count, DocumentShape::sum));
                }
            }
            return counts;
        }

        private Map<String, Long> ofFragment(String name) {
            Map<String, Long> known = ofFragment.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition fragment = fragments.get(name);
            if (fragment == null || !inProgress.add(name)) {
                return Map.of();
            }
            Map<String, Long> counts = Map.copyOf(of(fragment.getSelectionSet()));
            inProgress.remove(name);
            ofFragment.put(name, counts);
            return counts;
        }
    }

    @FunctionalInterface
    private interface FieldValue {
        long of(Field field, Measure measure);
    }

    @FunctionalInterface
    private interface LongCombiner {
        long combine(long a, long b);
    }
}
