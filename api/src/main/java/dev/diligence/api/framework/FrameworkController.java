package dev.diligence.api.framework;

import dev.diligence.api.graphql.MutationOutcome;
import dev.diligence.api.graphql.UserError;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL reads of the maturity framework, and the derivation of a firm's own version. */
@Controller
class FrameworkController {

    record FrameworkWeightInput(String code, BigDecimal weight) {}

    record DeriveFrameworkVersionInput(int baseVersion, List<FrameworkWeightInput> weights) {}

    record DeriveFrameworkVersionPayload(FrameworkView framework, List<UserError> userErrors) {

        static DeriveFrameworkVersionPayload of(FrameworkVersion version) {
            return new DeriveFrameworkVersionPayload(FrameworkView.of(version), List.of());
        }

        static DeriveFrameworkVersionPayload failed(List<UserError> errors) {
            return new DeriveFrameworkVersionPayload(null, errors);
        }
    }

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

    @MutationMapping
    DeriveFrameworkVersionPayload deriveFrameworkVersion(@Argument DeriveFrameworkVersionInput input) {
        return MutationOutcome.run(
                () -> DeriveFrameworkVersionPayload.of(frameworks.derive(input.baseVersion(), byCode(input.weights()))),
                DeriveFrameworkVersionPayload::failed);
    }

    /**
     * The weights by code, in the order given. A code given twice is malformed input, reported like a
     * broken rule at {@code ["weights", code]}; it is caught here, before the service authorizes the
     * call, the way GraphQL's own input validation is, and writes nothing.
     */
    private static Map<String, BigDecimal> byCode(List<FrameworkWeightInput> weights) {
        Map<String, BigDecimal> byCode = new LinkedHashMap<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (FrameworkWeightInput weight : weights) {
            if (byCode.putIfAbsent(weight.code(), weight.weight()) != null) {
                repeated.add(weight.code());
            }
        }
        RuleViolationException.throwIfAny(repeated.stream()
                .map(code -> new Violation(
                        List.of("weights", code),
                        ViolationCode.INVALID,
                        "the weight of " + code + " is given more than once"))
                .toList());
        return byCode;
    }
}
