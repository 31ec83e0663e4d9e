package dev.diligence.api.limits;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cost of one operation as {@link QueryCostCalculator} works it out, with everything the
 * calculator reads from the schema and the arguments looked up once: which fields cost something
 * (objects, lists, connections; scalars, enums and introspection are left out, as they cost
 * nothing), each one's page or list size and, for a mutation's root fields, the elements of their
 * input lists. Its requested cost is computed when it is made; its actual cost walks the response
 * along it. A plan holds what the operation's variables decided (its page sizes, its {@code @skip}
 * and {@code @include}, a mutation's inputs), so it serves again only where those are the same
 * ({@link CachedDocument}). Immutable, so requests may share it.
 */
final class CostPlan {

    /** What one field that is not free costs, and its fields that are not free. */
    record Node(
            String resultKey,
            Set<String> objectTypeNames,
            boolean list,
            boolean connection,
            int pageSize,
            long listSize,
            long inputItems,
            List<Node> children) {}

    private final boolean mutation;
    private final List<Node> roots;
    private final Set<String> rootFieldNames;
    private final long requested;
    private final int size;

    CostPlan(boolean mutation, List<Node> roots, Set<String> rootFieldNames) {
        this.mutation = mutation;
        this.roots = List.copyOf(roots);
        this.rootFieldNames = Set.copyOf(rootFieldNames);
        long cost = 0;
        for (Node root : this.roots) {
            cost = QueryCostCalculator.add(cost, requested(root, null, mutation));
        }
        this.requested = cost;
        this.size = count(this.roots);
    }

    /** The most the operation can cost: every page full. */
    long requested() {
        return requested;
    }

    /** The names of the operation's root fields, free ones too, aliases aside. */
    Set<String> rootFieldNames() {
        return rootFieldNames;
    }

    /** How many fields of the operation cost something: what a cached plan holds in memory. */
    int size() {
        return size;
    }

    /** What the operation cost: the objects and list items that {@code data} holds. */
    long actual(Object data) {
        Map<?, ?> object = data instanceof Map<?, ?> map ? map : Map.of();
        long cost = 0;
        for (Node root : roots) {
            cost = QueryCostCalculator.add(cost, actual(root, object.get(root.resultKey()), mutation));
        }
        return cost;
    }

    private static long requested(Node field, Integer enclosingPageSize, boolean mutationRoot) {
        long selection = requestedSelection(field, field.connection() ? field.pageSize() : null);
        if (mutationRoot) {
            return QueryCostCalculator.add(
                    QueryCostCalculator.add(QueryCostCalculator.MUTATION_COST, field.inputItems()), selection);
        }
        if (field.list()) {
            long size = enclosingPageSize != null
                    ? enclosingPageSize
                    : field.connection() ? field.pageSize() : field.listSize();
            return QueryCostCalculator.multiply(size, QueryCostCalculator.add(1, selection));
        }
        return QueryCostCalculator.add(field.connection() ? 2 : 1, selection);
    }

    /** The costliest runtime type's selection. */
    private static long requestedSelection(Node field, Integer pageSize) {
        if (field.children().isEmpty()) {
            return 0;
        }
        Map<String, Long> byType = new HashMap<>();
        for (Node child : field.children()) {
            long cost = requested(child, pageSize, false);
            child.objectTypeNames().forEach(type -> byType.merge(type, cost, QueryCostCalculator::add));
        }
        return byType.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static long actual(Node field, Object value, boolean mutationRoot) {
        if (mutationRoot) {
            return QueryCostCalculator.add(
                    QueryCostCalculator.add(QueryCostCalculator.MUTATION_COST, field.inputItems()),
                    actualSelection(field, value));
        }
        if (value == null) {
            return 0;
        }
        if (value instanceof List<?> items) {
            long cost = 0;
            for (Object item : items) {
                if (item != null) {
                    cost = QueryCostCalculator.add(cost, QueryCostCalculator.add(1, actualSelection(field, item)));
                }
            }
            return cost;
        }
        return QueryCostCalculator.add(field.connection() ? 2 : 1, actualSelection(field, value));
    }

    /** Fields of different runtime types may share a response key: the costliest of them counts. */
    private static long actualSelection(Node field, Object value) {
        if (!(value instanceof Map<?, ?> object) || field.children().isEmpty()) {
            return 0;
        }
        Map<String, Long> byKey = new HashMap<>();
        for (Node child : field.children()) {
            String key = child.resultKey();
            if (object.containsKey(key)) {
                byKey.merge(key, actual(child, object.get(key), false), Math::max);
            }
        }
        return byKey.values().stream().reduce(0L, QueryCostCalculator::add);
    }

    private static int count(List<Node> nodes) {
        int count = nodes.size();
        for (Node node : nodes) {
            count += count(node.children());
        }
        return count;
    }
}
