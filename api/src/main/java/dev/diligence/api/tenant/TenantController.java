package dev.diligence.api.tenant;

import dev.diligence.api.graphql.MutationOutcome;
import dev.diligence.api.graphql.UserError;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL operations on firms. */
@Controller
class TenantController {

    record CreateTenantInput(String key, String name) {
    }

    record ArchiveTenantInput(String key) {
    }

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

    @MutationMapping
    TenantPayload createTenant(@Argument CreateTenantInput input) {
        return MutationOutcome.run(() -> new TenantPayload(TenantView.of(tenants.create(input.key(), input.name())), List.of()),
                TenantPayload::failed);
    }

    @MutationMapping
    TenantPayload archiveTenant(@Argument ArchiveTenantInput input) {
        return MutationOutcome.run(() -> new TenantPayload(TenantView.of(tenants.archive(input.key())), List.of()),
                TenantPayload::failed);
    }
}
