package dev.diligence.api.holding;

import dev.diligence.api.graphql.Connection;
import dev.diligence.api.graphql.PageKey;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.Holding;
import dev.diligence.domain.holding.HoldingCursors;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.shared.paging.Slice;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Mono;

/**
 * Batch loaders of {@code Fund.holdings} and {@code Company.holdings}: all the parents of one
 * response level that ask for the same page are loaded with one page query (and one count query
 * when {@code totalCount} is selected), whatever their number.
 */
@Configuration(proxyBeanMethods = false)
class HoldingLoaders {

    static final String FUND_HOLDINGS = "fundHoldings";
    static final String COMPANY_HOLDINGS = "companyHoldings";

    HoldingLoaders(BatchLoaderRegistry registry, HoldingService holdings) {
        registry.<PageKey<UUID>, Connection<HoldingView>>forName(FUND_HOLDINGS).registerMappedBatchLoader((keys, environment) ->
                Mono.fromSupplier(() -> load(keys,
                        (parents, page) -> byUuid(holdings.pageByFund(parents.stream().map(FundId::new).toList(), page), FundId::value),
                        parents -> byUuid(holdings.countByFund(parents.stream().map(FundId::new).toList()), FundId::value))));
        registry.<PageKey<UUID>, Connection<HoldingView>>forName(COMPANY_HOLDINGS).registerMappedBatchLoader((keys, environment) ->
                Mono.fromSupplier(() -> load(keys,
                        (parents, page) -> byUuid(holdings.pageByCompany(parents.stream().map(CompanyId::new).toList(), page), CompanyId::value),
                        parents -> byUuid(holdings.countByCompany(parents.stream().map(CompanyId::new).toList()), CompanyId::value))));
    }

    private static Map<PageKey<UUID>, Connection<HoldingView>> load(Set<PageKey<UUID>> keys,
            BiFunction<List<UUID>, PageQuery, Map<UUID, Slice<Holding>>> pages, Function<List<UUID>, Map<UUID, Long>> counts) {
        Map<PageKey<UUID>, Connection<HoldingView>> connections = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(PageKey::window)).forEach((window, group) -> {
            List<UUID> parents = group.stream().map(PageKey::parent).distinct().toList();
            Map<UUID, Slice<Holding>> slices = pages.apply(parents, window.page());
            Map<UUID, Long> totals = window.counted() ? counts.apply(parents) : Map.of();
            for (PageKey<UUID> key : group) {
                long total = totals.getOrDefault(key.parent(), 0L);
                connections.put(key, window.arguments().toConnection(window.page(), slices.get(key.parent()), HoldingCursors::of,
                        HoldingView::of, () -> total));
            }
        });
        return connections;
    }

    private static <K, V> Map<UUID, V> byUuid(Map<K, V> values, Function<K, UUID> uuid) {
        return values.entrySet().stream().collect(Collectors.toMap(entry -> uuid.apply(entry.getKey()), Map.Entry::getValue));
    }
}
