package dev.diligence.api.company;

import dev.diligence.domain.company.CompanyId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The {@code company} field of another feature's views, batched: a view whose statement read its
 * company along with it answers with that one, the companies of the others are read in one
 * statement (through {@link CompanyService}, so with its authorization). A view whose company is
 * not visible is left out, and GraphQL answers null for it.
 */
@Component
public class CompanyViews {

    private final CompanyService companies;

    CompanyViews(CompanyService companies) {
        this.companies = companies;
    }

    public <V> Map<V, CompanyView> companiesOf(Collection<V> views, Function<V, CompanyId> companyOf,
            Function<V, @Nullable CompanyView> readAlong) {
        Map<CompanyId, CompanyView> byId = new HashMap<>();
        for (V view : views) {
            CompanyView company = readAlong.apply(view);
            if (company != null) {
                byId.put(companyOf.apply(view), company);
            }
        }
        List<CompanyId> toRead = views.stream().map(companyOf).filter(id -> !byId.containsKey(id)).distinct().toList();
        if (!toRead.isEmpty()) {
            companies.findAll(toRead).forEach(company -> byId.put(company.id(), CompanyView.of(company)));
        }
        return views.stream().filter(view -> byId.containsKey(companyOf.apply(view)))
                .collect(Collectors.toMap(Function.identity(), view -> byId.get(companyOf.apply(view)), (a, b) -> a));
    }
}
