package dev.diligence.api.portfolio;

import dev.diligence.api.company.CompanyView;
import dev.diligence.api.company.CompanyViews;
import dev.diligence.api.graphql.Connection;
import dev.diligence.api.graphql.PageKey;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.portfolio.PortfolioMember;
import dev.diligence.domain.portfolio.PortfolioQuery;
import dev.diligence.domain.shared.paging.Slice;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Mono;

/**
 * The batch loader of {@code PortfolioVersionGroup.companyPage}: the groups of one portfolio that ask
 * for the same page are loaded with one statement for the pages of every version, one count statement
 * when {@code totalCount} is selected, and one read of the companies of all pages, whatever the
 * number of groups.
 */
@Configuration(proxyBeanMethods = false)
class PortfolioLoaders {

    static final String VERSION_GROUP_COMPANIES = "versionGroupCompanies";

    /** A group of a portfolio's companies outside the cohort: those whose latest assessment is under {@code frameworkVersion}. */
    record VersionGroup(PortfolioQuery query, int frameworkVersion) {}

    /** The companies of a batch's pages read together: one key per portfolio and page window. */
    private record Batch(PortfolioQuery query, PageKey.Window window) {}

    PortfolioLoaders(BatchLoaderRegistry registry, PortfolioService portfolios, CompanyViews companyViews) {
        registry.<PageKey<VersionGroup>, Connection<CompanyView>>forName(VERSION_GROUP_COMPANIES)
                .registerMappedBatchLoader((keys, environment) -> Mono.fromSupplier(() -> {
                    Map<Batch, List<PageKey<VersionGroup>>> batches = keys.stream()
                            .collect(Collectors.groupingBy(
                                    key -> new Batch(key.parent().query(), key.window())));
                    Map<Batch, Map<Integer, Slice<PortfolioMember>>> pages = new HashMap<>();
                    Map<Batch, Map<Integer, Long>> totals = new HashMap<>();
                    batches.forEach((batch, group) -> {
                        List<Integer> versions = group.stream()
                                .map(key -> key.parent().frameworkVersion())
                                .distinct()
                                .toList();
                        pages.put(
                                batch,
                                portfolios.otherVersion(
                                        batch.query(), versions, batch.window().page()));
                        totals.put(
                                batch,
                                batch.window().counted()
                                        ? portfolios.countOtherVersion(batch.query(), versions)
                                        : Map.of());
                    });
                    Map<CompanyId, CompanyView> views = companyViews.byId(pages.values().stream()
                            .flatMap(byVersion -> byVersion.values().stream())
                            .flatMap(slice -> slice.items().stream())
                            .map(PortfolioMember::company)
                            .toList());
                    Map<PageKey<VersionGroup>, Connection<CompanyView>> connections = new HashMap<>();
                    batches.forEach((batch, group) -> {
                        for (PageKey<VersionGroup> key : group) {
                            int version = key.parent().frameworkVersion();
                            long total = totals.get(batch).getOrDefault(version, 0L);
                            connections.put(
                                    key,
                                    PortfolioController.memberConnection(
                                            batch.window().arguments(),
                                            batch.window().page(),
                                            pages.get(batch).get(version),
                                            views,
                                            () -> total));
                        }
                    });
                    return connections;
                }));
    }
}
