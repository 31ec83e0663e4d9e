package dev.diligence.api.standing;

import dev.diligence.api.standing.CompanyStandingController.StandingKey;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.standing.CompanyStanding;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Mono;

/**
 * The batch loader of companies' standings: one statement for all the keys that ask for the same
 * parts, whatever the number of companies.
 */
@Configuration(proxyBeanMethods = false)
class StandingLoaders {

    static final String COMPANY_STANDINGS = "companyStandings";

    StandingLoaders(BatchLoaderRegistry registry, CompanyStandingService standings) {
        registry.<StandingKey, CompanyStanding>forName(COMPANY_STANDINGS)
                .registerMappedBatchLoader((keys, environment) -> Mono.fromSupplier(() -> {
                    Map<StandingKey, CompanyStanding> loaded = new HashMap<>();
                    keys.stream()
                            .collect(Collectors.groupingBy(StandingKey::reads))
                            .forEach((reads, group) -> {
                                Map<CompanyId, CompanyStanding> read = standings.standings(
                                        group.stream().map(StandingKey::company).toList(), reads);
                                group.forEach(key -> loaded.put(key, read.get(key.company())));
                            });
                    return loaded;
                }));
    }
}
