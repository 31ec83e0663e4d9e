package dev.diligence.api.limits;

import dev.diligence.api.graphql.ConnectionArguments;
import dev.diligence.domain.shared.paging.PageQuery;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost of an operation in points, after Shopify's model and GitHub's multiplication by page
 * size; README.md ("Limits") states it for clients:
 * <ul>
 * <li>scalar and enum fields cost 0, and so does introspection;</li>
 * <li>an object field costs 1 plus its selection; a connection (a field taking {@code first} or
 * {@code last}) costs 2 plus its selection;</li>
 * <li>the lists directly inside a connection ({@code nodes}, {@code edges}) hold its page size:
 * {@code first}, else {@code last}, else {@link ConnectionArguments#DEFAULT_PAGE_SIZE}, at most
 * {@link PageQuery#MAX_LIMIT}; other lists of objects hold their size from
 * {@code diligence.limits.list-sizes}, else the default page size. A list costs its size times
 * (1 + the selection of one item), so nested connections multiply;</li>
 * <li>a mutation field costs {@value #MUTATION_COST}, plus 1 per element of the lists in its
 * arguments (a sync of 500 items costs 500 more), plus its selection;</li>
 * <li>where a selection depends on the runtime type (fragments on an interface), the costliest type counts.</li>
 * </ul>
 * The requested cost assumes full pages; the actual cost counts what the response holds.
 * Arithmetic saturates at {@link Long#MAX_VALUE}.
 */
final class QueryCostCalculator {

    static final int MUTATION_COST = 10;

    private static final Shape FREE = new Shape(true, false, false, 0);

    private final Map<String, Integer> listSizes;

    QueryCostCalculator(Map<String, Integer> listSizes) {
        this.listSizes = Map.copyOf(listSizes);
    }

    /** The most the operation can cost: every page full. */
    long requested(ExecutableNormalizedOperation operation, GraphQLSchema schema) {
        boolean mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
        Shapes shapes = new Shapes(schema);
        long cost = 0;
        for (ExecutableNormalizedField root : operation.getTopLevelFields()) {
            cost = add(cost, requested(root, shapes, null, mutation));
        }
        return cost;
    }

    /** What the operation cost: the objects and list items that {@code data} holds. */
    long actual(ExecutableNormalizedOperation operation, GraphQLSchema schema, Object data) {
        boolean mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
        Map<?, ?> object = data instanceof Map<?, ?> map ? map : Map.of();
        Shapes shapes = new Shapes(schema);
        long cost = 0;
        for (ExecutableNormalizedField root : operation.getTopLevelFields()) {
            cost = add(cost, actual(root, shapes, object.get(root.getResultKey()), mutation));
        }
        return cost;
    }

    private long requested(ExecutableNormalizedField field, Shapes shapes, Integer enclosingPageSize, boolean mutationRoot) {
        Shape shape = shapes.of(field);
        if (shape.free()) {
            return 0;
        }
        long selection = requestedSelection(field, shapes, shape.connection() ? shape.pageSize() : null);
        if (mutationRoot) {
            return add(add(MUTATION_COST, inputItems(field.getResolvedArguments())), selection);
        }
        if (shape.list()) {
            long size = enclosingPageSize != null ? enclosingPageSize : shape.connection() ? shape.pageSize() : listSize(field);
            return multiply(size, add(1, selection));
        }
        return add(shape.connection() ? 2 : 1, selection);
    }

    /** The costliest runtime type's selection. */
    private long requestedSelection(ExecutableNormalizedField field, Shapes shapes, Integer pageSize) {
        Map<String, Long> byType = new HashMap<>();
        for (ExecutableNormalizedField child : field.getChildren()) {
            long cost = requested(child, shapes, pageSize, false);
            child.getObjectTypeNames().forEach(type -> byType.merge(type, cost, QueryCostCalculator::add));
        }
        return byType.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private long actual(ExecutableNormalizedField field, Shapes shapes, Object value, boolean mutationRoot) {
        Shape shape = shapes.of(field);
        if (shape.free()) {
            return 0;
        }
        if (mutationRoot) {
            return add(add(MUTATION_COST, inputItems(field.getResolvedArguments())), actualSelection(field, shapes, value));
        }
        if (value == null) {
            return 0;
        }
        if (value instanceof List<?> items) {
            long cost = 0;
            for (Object item : items) {
                if (item != null) {
                    cost = add(cost, add(1, actualSelection(field, shapes, item)));
                }
            }
            return cost;
        }
        return add(shape.connection() ? 2 : 1, actualSelection(field, shapes, value));
    }

    /** Fields of different runtime types may share a response key: the costliest of them counts. */
    private long actualSelection(ExecutableNormalizedField field, Shapes shapes, Object value) {
        if (!(value instanceof Map<?, ?> object)) {
            return 0;
        }
        Map<String, Long> byKey = new HashMap<>();
        for (ExecutableNormalizedField child : field.getChildren()) {
            String key = child.getResultKey();
            if (object.containsKey(key)) {
                byKey.merge(key, actual(child, shapes, object.get(key), false), Math::max);
            }
        }
        return byKey.values().stream().reduce(0L, QueryCostCalculator::add);
    }

    /** The shape of each field of one operation, worked out once: the actual cost visits a field once per list item. */
    private final class Shapes {

        private final GraphQLSchema schema;
        private final Map<ExecutableNormalizedField, Shape> known = new IdentityHashMap<>();

        Shapes(GraphQLSchema schema) {
            this.schema = schema;
        }

        Shape of(ExecutableNormalizedField field) {
            return known.computeIfAbsent(field, unknown -> shape(unknown, schema));
        }
    }

    private Shape shape(ExecutableNormalizedField field, GraphQLSchema schema) {
        if (field.getName().startsWith("__")) {
            return FREE;
        }
        GraphQLFieldDefinition definition = field.getFieldDefinitions(schema).get(0);
        GraphQLOutputType type = definition.getType();
        if (!(GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLCompositeType)) {
            return FREE;
        }
        boolean connection = definition.getArgument("first") != null || definition.getArgument("last") != null;
        boolean list = GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type));
        return new Shape(false, list, connection, connection ? pageSize(field.getResolvedArguments()) : 0);
    }

    private long listSize(ExecutableNormalizedField field) {
        return field.getObjectTypeNames().stream()
                .map(type -> listSizes.get(type + "." + field.getName()))
                .filter(size -> size != null)
                .mapToLong(Integer::longValue)
                .max()
                .orElse(ConnectionArguments.DEFAULT_PAGE_SIZE);
    }

    /** {@code first}, else {@code last}, else the default page size; out-of-range sizes are refused later, by the resolver. */
    private static int pageSize(Map<String, Object> arguments) {
        Object first = arguments.get("first");
        Object last = arguments.get("last");
        if (!(first instanceof Number) && !(last instanceof Number)) {
            return ConnectionArguments.DEFAULT_PAGE_SIZE;
        }
        int size = Math.max(first instanceof Number number ? number.intValue() : 0, last instanceof Number number ? number.intValue() : 0);
        return Math.max(0, Math.min(size, PageQuery.MAX_LIMIT));
    }

    /** Elements of all lists in the arguments, however deeply nested. */
    private static long inputItems(Object value) {
        long items = 0;
        if (value instanceof Map<?, ?> map) {
            for (Object entry : map.values()) {
                items = add(items, inputItems(entry));
            }
        } else if (value instanceof List<?> list) {
            items = list.size();
            for (Object element : list) {
                items = add(items, inputItems(element));
            }
        }
        return items;
    }

    static long add(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private static long multiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        return high != 0 || product < 0 ? Long.MAX_VALUE : product;
    }

    /**
     * @param free       costs nothing: a scalar, an enum or introspection
     * @param pageSize   the page size, for connections
     */
    private record Shape(boolean free, boolean list, boolean connection, int pageSize) {
    }
}
