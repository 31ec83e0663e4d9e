package dev.diligence.api.company;

import dev.diligence.api.graphql.NodeLoader;
import dev.diligence.domain.company.CompanyId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** {@code node(id:)} for companies. */
@Component
class CompanyNodeLoader implements NodeLoader {

    private final CompanyService companies;

    CompanyNodeLoader(CompanyService companies) {
        this.companies = companies;
    }

    @Override
    public String typeName() {
        return CompanyView.TYPE;
    }

    @Override
    public Optional<CompanyView> load(UUID id) {
        return companies.find(new CompanyId(id)).map(CompanyView::of);
    }
}
