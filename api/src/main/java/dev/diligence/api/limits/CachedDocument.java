package dev.diligence.api.limits;

import graphql.execution.CoercedVariables;
import graphql.execution.ExecutionContext;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A document that parsed, passed every limit checked before validation and validated, as
 * {@link DocumentCache} keeps it, with the {@link CostPlan}s of its operations. A plan depends on the
 * request only through the variables the cost reads: those in {@code first} and {@code last}
 * (page sizes), in {@code @skip} and {@code @include} (which fields there are), and, for a mutation,
 * in its root fields' arguments (the elements of its input lists). So a plan is kept for an
 * operation and the values of those variables alone, and serves every request that sends the same
 * ones, whatever its other variables (IDs, cursors); a mutation whose root fields take variables is
 * costed on every request, as its inputs are new each time. At most {@value #MAX_PLANS} plans are
 * kept per document, each of at most {@value #MAX_PLAN_SIZE} fields; the others are worked out for
 * their request alone.
 */
final class CachedDocument {

    static final int MAX_PLANS = 16;
    static final int MAX_PLAN_SIZE = 10_000;

    /** The estimated memory of a field of a cost plan, in bytes, for the cache's weight. */
    static final int BYTES_PER_PLAN_FIELD = 120;

    private final String text;
    private final PreparsedDocumentEntry entry;
    private final int documentWeight;
    private final Consumer<CachedDocument> grown;
    private final Map<OperationDefinition, CostVariables> costVariables = new ConcurrentHashMap<>();
    private final Map<PlanKey, CostPlan> plans = new ConcurrentHashMap<>();
    private volatile long plansWeight;

    /**
     * @param text           the document's text, the cache's key
     * @param documentWeight the document's estimated memory in bytes
     * @param grown          told when a plan was added, so that the cache weighs the document again
     */
    CachedDocument(String text, PreparsedDocumentEntry entry, int documentWeight, Consumer<CachedDocument> grown) {
        this.text = text;
        this.entry = entry;
        this.documentWeight = documentWeight;
        this.grown = grown;
    }

    String text() {
        return text;
    }

    PreparsedDocumentEntry entry() {
        return entry;
    }

    /** The estimated memory of the document and its plans, in bytes. */
    int weight() {
        return (int) Math.min(Integer.MAX_VALUE, documentWeight + plansWeight);
    }

    int plans() {
        return plans.size();
    }

    /**
     * The plan of the operation {@code execution} runs, with its variables: a kept one, else
     * {@code compute}'s, kept when there is room.
     */
    CostPlan plan(ExecutionContext execution, Supplier<CostPlan> compute) {
        OperationDefinition operation = execution.getOperationDefinition();
        CostVariables variables = costVariables.computeIfAbsent(
                operation, unused -> CostVariables.of(operation, execution.getFragmentsByName()));
        if (variables.perRequest()) {
            return compute.get();
        }
        PlanKey key = new PlanKey(operation, variables.valuesIn(execution.getCoercedVariables()));
        CostPlan plan = plans.get(key);
        if (plan != null) {
            return plan;
        }
        plan = compute.get();
        if (plans.size() < MAX_PLANS && plan.size() <= MAX_PLAN_SIZE && plans.putIfAbsent(key, plan) == null) {
            synchronized (this) {
                plansWeight += (long) plan.size() * BYTES_PER_PLAN_FIELD;
            }
            grown.accept(this);
        }
        return plan;
    }

    /**
     * A plan's key: its operation (by identity: the document is this one) and the values of the
     * variables its cost reads, a variable not sent being absent from the map, one sent as null
     * mapped to null.
     */
    private record PlanKey(OperationDefinition operation, Map<String, Object> values) {

        @Override
        public boolean equals(Object other) {
            return other instanceof PlanKey key && key.operation == operation && key.values.equals(values);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(operation) * 31 + values.hashCode();
        }
    }

    /**
     * The variables an operation's cost reads, found in its document once.
     *
     * @param names      variables in {@code first}, {@code last}, {@code @skip} and {@code @include}
     * @param perRequest a mutation whose root fields take variables: its cost is worked out for each request
     */
    record CostVariables(Set<String> names, boolean perRequest) {

        static CostVariables of(OperationDefinition operation, Map<String, FragmentDefinition> fragments) {
            Finder finder = new Finder(fragments, operation.getOperation() == OperationDefinition.Operation.MUTATION);
            finder.selections(operation.getSelectionSet(), true);
            return new CostVariables(Set.copyOf(finder.names), finder.perRequest);
        }

        Map<String, Object> valuesIn(CoercedVariables coerced) {
            if (names.isEmpty()) {
                return Map.of();
            }
            Map<String, Object> values = new HashMap<>();
            for (String name : names) {
                if (coerced.containsKey(name)) {
                    values.put(name, coerced.get(name));
                }
            }
            return values;
        }
    }

    /** Walks an operation with its fragments (each once per kind of place: at the root, below it). */
    private static final class Finder {

        private final Map<String, FragmentDefinition> fragments;
        private final boolean mutation;
        private final Set<String> names = new HashSet<>();
        private final Set<String> visitedAtRoot = new HashSet<>();
        private final Set<String> visitedBelow = new HashSet<>();
        private boolean perRequest;

        Finder(Map<String, FragmentDefinition> fragments, boolean mutation) {
            this.fragments = fragments;
            this.mutation = mutation;
        }

        void selections(SelectionSet set, boolean root) {
            if (set == null) {
                return;
            }
            for (Selection<?> selection : set.getSelections()) {
                if (selection instanceof DirectivesContainer<?> container) {
                    conditions(container.getDirectives());
                }
                if (selection instanceof Field field) {
                    for (Argument argument : field.getArguments()) {
                        if (root && mutation) {
                            perRequest |= hasVariables(argument.getValue());
                        } else if (argument.getName().equals("first")
                                || argument.getName().equals("last")) {
                            variablesIn(argument.getValue(), names);
                        }
                    }
                    selections(field.getSelectionSet(), false);
                } else if (selection instanceof InlineFragment inline) {
                    selections(inline.getSelectionSet(), root);
                } else if (selection instanceof FragmentSpread spread) {
                    FragmentDefinition fragment = fragments.get(spread.getName());
                    if (fragment != null && (root ? visitedAtRoot : visitedBelow).add(spread.getName())) {
                        selections(fragment.getSelectionSet(), root);
                    }
                }
            }
        }

        private void conditions(List<Directive> directives) {
            for (Directive directive : directives) {
                if (directive.getName().equals("skip") || directive.getName().equals("include")) {
                    directive.getArguments().forEach(argument -> variablesIn(argument.getValue(), names));
                }
            }
        }

        private static boolean hasVariables(Value<?> value) {
            Set<String> found = new HashSet<>();
            variablesIn(value, found);
            return !found.isEmpty();
        }

        private static void variablesIn(Value<?> value, Set<String> found) {
            if (value instanceof VariableReference variable) {
                found.add(variable.getName());
            } else if (value instanceof ArrayValue array) {
                array.getValues().forEach(element -> variablesIn(element, found));
            } else if (value instanceof ObjectValue object) {
                for (ObjectField field : object.getObjectFields()) {
                    variablesIn(field.getValue(), found);
                }
            }
        }
    }
}
