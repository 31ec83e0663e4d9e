package dev.diligence.domain.holding;

import java.util.Objects;
import java.util.UUID;

/** Identity of a holding (a company in a fund) inside its tenant. */
public record HoldingId(UUID value) {

    public HoldingId {
        Objects.requireNonNull(value, "value");
    }

    public static HoldingId random() {
        return new HoldingId(UUID.randomUUID());
    }
}
