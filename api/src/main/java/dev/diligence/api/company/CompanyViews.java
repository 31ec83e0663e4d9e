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
 * Companies as views for other features, read in one statement through {@link CompanyService} (so
 * with its authorization): by id, and as the batched {@code company} field of other views, where a
 * view whose statement read its company along with it answers with that one. A company the caller
 * may not see is left out, and GraphQL answers null for it.
 */
@Component
public class CompanyViews {

    private final CompanyService companies;

    CompanyViews(CompanyService companies) {
        this.companies = companies;
    }

    /** The companies with these ids that the caller can see, read at once. */
    public Map<CompanyId, CompanyView> byId(Collection<CompanyId> ids) {
        Map<CompanyId, CompanyView> byId = new HashMap<>();
        List<CompanyId> distinct = ids.stream().distinct().toList();
        if (!distinct.isEmpty()) {
            companies.findAll(distinct).forEach(company -> byId.put(company.id(), CompanyView.of(company)));
        }
        return byId;
    }

    /** The company of each view, all read in one statement. */
    public <V> Map<V, CompanyView> companiesOf(Collection<V> views, Function<V, CompanyId> companyOf) {
        return companiesOf(views, companyOf, view -> null);
    }

    /** The company of each view: the one read along with it where there is one, the others read in one statement. */
    public <V> Map<V, CompanyView> companiesOf(
            Collection<V> views, Function<V, CompanyId> companyOf, Function<V, @Nullable CompanyView> readAlong) {
        Map<CompanyId, CompanyView> byId = new HashMap<>();
        for (V view : views) {
            CompanyView company = readAlong.apply(view);
            if (company != null) {
                byId.put(companyOf.apply(view), company);
            }
        }
        byId.putAll(byId(views.stream()
                .map(companyOf)
                .filter(id -> !byId.containsKey(id))
                .toList()));
        return views.stream()
                .filter(view -> byId.containsKey(companyOf.apply(view)))
                .collect(Collectors.toMap(Function.identity(), view -> byId.get(companyOf.apply(view)), (a, b) -> a));
    }
}
