package dev.diligence.domain.framework;

import dev.diligence.domain.shared.Violation;
import java.util.List;
import java.util.Objects;

/** The outcome of deriving a tenant's framework version: the new version, or why it cannot exist. */
public sealed interface WeightDerivation permits WeightDerivation.Derived, WeightDerivation.Rejected {

    /** The derived version; its weights obey {@link WeightRules}. */
    record Derived(FrameworkVersion version) implements WeightDerivation {

        public Derived {
            Objects.requireNonNull(version, "version");
        }
    }

    /** Nothing was derived; at least one violation says why. */
    record Rejected(List<Violation> violations) implements WeightDerivation {

        public Rejected {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a rejected derivation has at least one violation");
            }
        }
    }
}
