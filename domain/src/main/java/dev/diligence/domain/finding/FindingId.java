package dev.diligence.domain.finding;

import java.util.Objects;
import java.util.UUID;

/** Identity of a finding inside its tenant. */
public record FindingId(UUID value) {

    public FindingId {
        Objects.requireNonNull(value, "value");
    }

    public static FindingId random() {
        return new FindingId(UUID.randomUUID());
    }
}
