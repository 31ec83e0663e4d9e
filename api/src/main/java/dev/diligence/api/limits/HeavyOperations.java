package dev.diligence.api.limits;

import dev.diligence.api.operation.ApiOperation;
import graphql.normalized.ExecutableNormalizedOperation;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which operations are heavy, and so take a place in the {@link HeavyOperationBulkhead} to execute:
 * <ul>
 * <li>those that select a root field the operation registry declares heavy ({@link ApiOperation#heavyRootFields()}),
 * or one of {@code diligence.limits.heavy.root-fields}, whatever they cost: the portfolio comparisons
 * ({@code portfolio}, {@code portfolioTrend}, {@code compareCompanies}) read and aggregate the stored
 * scores of every company of a fund however little of it they return;</li>
 * <li>any operation whose requested cost ({@link QueryCostCalculator}) reaches
 * {@code diligence.limits.heavy.min-cost}: it returns as much as a page of 100 portfolio rows.</li>
 * </ul>
 * Root fields are matched by name, for queries and mutations alike, aliases aside. A new kind of
 * heavy operation (an export) is declared {@code HEAVY} in {@link ApiOperation}; the property adds
 * root fields an operator wants treated as heavy too.
 */
final class HeavyOperations {

    private final Set<String> rootFields;
    private final long minCost;

    HeavyOperations(LimitsProperties.Heavy heavy) {
        Set<String> fields = new HashSet<>(ApiOperation.heavyRootFields());
        fields.addAll(heavy.rootFields());
        this.rootFields = Set.copyOf(fields);
        this.minCost = heavy.minCost();
    }

    boolean includes(ExecutableNormalizedOperation operation, long requestedCost) {
        return includes(
                operation.getTopLevelFields().stream()
                        .map(field -> field.getName())
                        .collect(Collectors.toSet()),
                requestedCost);
    }

    /** @param rootFieldNames the names of the operation's root fields, aliases aside */
    boolean includes(Set<String> rootFieldNames, long requestedCost) {
        return requestedCost >= minCost || rootFieldNames.stream().anyMatch(rootFields::contains);
    }
}
