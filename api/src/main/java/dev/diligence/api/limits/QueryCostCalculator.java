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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    private final Map<String, Integer> listSizes;

    QueryCostCalculator(Map<String, Integer> listSizes) {
        this.listSizes = Map.copyOf(listSizes);
    }

    /** The most the operation can cost: every page full. */
    long requested(ExecutableNormalizedOperation operation, GraphQLSchema schema) {
        return plan(operation, schema).requested();
    }

    /** What the operation cost: the objects and list items that {@code data} holds. */
    long actual(ExecutableNormalizedOperation operation, GraphQLSchema schema, Object data) {
        return plan(operation, schema).actual(data);
    }

    /**
     * The operation's cost worked out once: both costs above are the plan's. Each field's definition
     * is looked up once here, however many list items the actual cost later visits it for.
     */
    CostPlan plan(ExecutableNormalizedOperation operation, GraphQLSchema schema) {
        boolean mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
        List<CostPlan.Node> roots = new ArrayList<>();
        Set<String> rootFieldNames = new HashSet<>();
        for (ExecutableNormalizedField root : operation.getTopLevelFields()) {
            rootFieldNames.add(root.getName());
            CostPlan.Node node = node(root, schema, mutation);
            if (node != null) {
                roots.add(node);
            }
        }
        return new CostPlan(mutation, roots, rootFieldNames);
    }

    /** The field's costs, or null when it is free: a scalar, an enum or introspection. */
    private CostPlan.Node node(ExecutableNormalizedField field, GraphQLSchema schema, boolean mutationRoot) {
        if (field.getName().startsWith("__")) {
            return null;
        }
        GraphQLFieldDefinition definition = field.getFieldDefinitions(schema).get(0);
        GraphQLOutputType type = definition.getType();
        if (!(GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLCompositeType)) {
            return null;
        }
        boolean connection = definition.getArgument("first") != null || definition.getArgument("last") != null;
        boolean list = GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(type));
        List<CostPlan.Node> children = new ArrayList<>();
        for (ExecutableNormalizedField child : field.getChildren()) {
            CostPlan.Node node = node(child, schema, false);
            if (node != null) {
                children.add(node);
            }
        }
        return new CostPlan.Node(
                field.getResultKey(),
                Set.copyOf(field.getObjectTypeNames()),
                list,
                connection,
                connection ? pageSize(field.getResolvedArguments()) : 0,
                list && !connection ? listSize(field) : 0,
                mutationRoot ? inputItems(field.getResolvedArguments()) : 0,
                List.copyOf(children));
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
        int size = Math.max(
                first instanceof Number number ? number.intValue() : 0,
                last instanceof Number number ? number.intValue() : 0);
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

    static long multiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        return high != 0 || product < 0 ? Long.MAX_VALUE : product;
    }
}
