package dev.diligence.api.framework;

import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL reads of the maturity framework. */
@Controller
class FrameworkController {

    private final FrameworkService frameworks;

    FrameworkController(FrameworkService frameworks) {
        this.frameworks = frameworks;
    }

    @QueryMapping
    List<FrameworkView> frameworks() {
        return frameworks.all().stream().map(FrameworkView::of).toList();
    }

    @QueryMapping
    FrameworkView framework(@Argument int version) {
        return frameworks.find(version).map(FrameworkView::of).orElse(null);
    }
}
