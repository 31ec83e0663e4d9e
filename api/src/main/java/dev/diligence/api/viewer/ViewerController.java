package dev.diligence.api.viewer;

import dev.diligence.api.security.Caller;
import dev.diligence.api.security.CurrentCaller;
import dev.diligence.api.security.Role;
import dev.diligence.api.tenant.TenantView;
import java.util.List;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL {@code viewer}: who is calling. Any authenticated caller may ask. */
@Controller
class ViewerController {

    record ViewerView(String subject, String name, TenantView tenant, List<Role> roles) {}

    @QueryMapping
    ViewerView viewer() {
        Caller caller = CurrentCaller.get();
        return new ViewerView(
                caller.subject(),
                caller.name(),
                caller.tenant().map(TenantView::of).orElse(null),
                caller.roles().stream().sorted().toList());
    }
}
