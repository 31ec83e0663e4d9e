package dev.diligence.api.holding;

import dev.diligence.api.graphql.Connection;
import dev.diligence.api.graphql.ConnectionArguments;
import dev.diligence.api.graphql.PageKey;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.HoldingCursors;
import dev.diligence.domain.holding.HoldingPage;
import dev.diligence.domain.holding.HoldingReads;
import dev.diligence.domain.shared.paging.PageQuery;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Mono;

/**
 * Batch loaders of {@code Fund.holdings} and {@code Company.holdings}: all the parents of one
 * response level that ask for the same page are loaded with one statement, whatever their number,
 * with their totals when {@code totalCount} is selected and the companies held when a holding's
 * {@code company} is.
 */
@Configuration(proxyBeanMethods = false)
class HoldingLoaders {

    static final String FUND_HOLDINGS = "fundHoldings";
    static final String COMPANY_HOLDINGS = "companyHoldings";

    /** A page of one parent's holdings, and whether the client selected the holdings' companies. */
    record HoldingPageKey(PageKey<UUID> page, boolean companies) {

        static HoldingPageKey of(UUID parent, ConnectionArguments arguments, DataFetchingFieldSelectionSet selection) {
            return new HoldingPageKey(
                    PageKey.of(parent, arguments, HoldingCursors.ORDERING, selection),
                    Connection.selectsOfNodes(selection, "company"));
        }

        /** The part of the key that all parents of one statement share. */
        Batch batch() {
            return new Batch(page.window(), new HoldingReads(page.counted(), companies));
        }
    }

    /** The parents of one batch are read in one statement: the same page window, the same reads along. */
    private record Batch(PageKey.Window window, HoldingReads along) {}

    HoldingLoaders(BatchLoaderRegistry registry, HoldingService holdings) {
        registry.<HoldingPageKey, Connection<HoldingView>>forName(FUND_HOLDINGS)
                .registerMappedBatchLoader((keys, environment) -> Mono.fromSupplier(() -> load(
                        keys,
                        (parents, page, along) -> byUuid(
                                holdings.pageByFund(
                                        parents.stream().map(FundId::new).toList(), page, along),
                                FundId::value))));
        registry.<HoldingPageKey, Connection<HoldingView>>forName(COMPANY_HOLDINGS)
                .registerMappedBatchLoader((keys, environment) -> Mono.fromSupplier(() -> load(
                        keys,
                        (parents, page, along) -> byUuid(
                                holdings.pageByCompany(
                                        parents.stream().map(CompanyId::new).toList(), page, along),
                                CompanyId::value))));
    }

    /** The pages of many parents with the same window, read together. */
    @FunctionalInterface
    private interface PageReader {
        Map<UUID, HoldingPage> read(List<UUID> parents, PageQuery page, HoldingReads along);
    }

    private static Map<HoldingPageKey, Connection<HoldingView>> load(Set<HoldingPageKey> keys, PageReader reader) {
        Map<HoldingPageKey, Connection<HoldingView>> connections = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(HoldingPageKey::batch)).forEach((batch, group) -> {
            PageKey.Window window = batch.window();
            List<UUID> parents =
                    group.stream().map(key -> key.page().parent()).distinct().toList();
            Map<UUID, HoldingPage> pages = reader.read(parents, window.page(), batch.along());
            for (HoldingPageKey key : group) {
                HoldingPage page = pages.get(key.page().parent());
                connections.put(
                        key,
                        window.arguments()
                                .toConnection(
                                        window.page(),
                                        page.holdings(),
                                        HoldingCursors::of,
                                        holding -> HoldingView.of(
                                                holding, page.companies().get(holding.company())),
                                        page::total));
            }
        });
        return connections;
    }

    private static <K, V> Map<UUID, V> byUuid(Map<K, V> values, Function<K, UUID> uuid) {
        return values.entrySet().stream()
                .collect(Collectors.toMap(entry -> uuid.apply(entry.getKey()), Map.Entry::getValue));
    }
}
