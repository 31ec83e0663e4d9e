package dev.diligence.api.tenant;

import dev.diligence.api.graphql.Connection;
import dev.diligence.api.graphql.ConnectionArguments;
import dev.diligence.api.graphql.MutationOutcome;
import dev.diligence.api.graphql.UserError;
import dev.diligence.domain.shared.paging.PageQuery;
import dev.diligence.domain.tenant.TenantCursors;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL operations on firms. */
@Controller
class TenantController {

    record CreateTenantInput(String key, String name) {}

    record ArchiveTenantInput(String key) {}

    record TenantPayload(TenantView tenant, List<UserError> userErrors) {

        static TenantPayload failed(List<UserError> errors) {
            return new TenantPayload(null, errors);
        }
    }

    private final TenantService tenants;

    TenantController(TenantService tenants) {
        this.tenants = tenants;
    }

    @QueryMapping
    List<TenantView> tenants() {
        return tenants.all().stream().map(TenantView::of).toList();
    }

    @QueryMapping
    Connection<TenantView> firms(
            @Argument Integer first, @Argument String after, @Argument Integer last, @Argument String before) {
        ConnectionArguments arguments = new ConnectionArguments(first, after, last, before);
        PageQuery page = arguments.toPageQuery(TenantCursors.ORDERING);
        return arguments.toConnection(page, tenants.page(page), TenantCursors::of, TenantView::of, tenants::count);
    }

    @MutationMapping
    TenantPayload createTenant(@Argument CreateTenantInput input) {
        return MutationOutcome.run(
                () -> new TenantPayload(TenantView.of(tenants.create(input.key(), input.name())), List.of()),
                TenantPayload::failed);
    }

    @MutationMapping
    TenantPayload archiveTenant(@Argument ArchiveTenantInput input) {
        return MutationOutcome.run(
                () -> new TenantPayload(TenantView.of(tenants.archive(input.key())), List.of()), TenantPayload::failed);
    }
}
