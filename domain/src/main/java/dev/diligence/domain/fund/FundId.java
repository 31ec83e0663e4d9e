package dev.diligence.domain.fund;

import java.util.Objects;
import java.util.UUID;

/** Identity of a fund inside its tenant. */
public record FundId(UUID value) {

    public FundId {
        Objects.requireNonNull(value, "value");
    }

    public static FundId random() {
        return new FundId(UUID.randomUUID());
    }
}
