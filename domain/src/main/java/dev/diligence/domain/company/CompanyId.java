package dev.diligence.domain.company;

import java.util.Objects;
import java.util.UUID;

/** Identity of a target company inside its tenant. */
public record CompanyId(UUID value) {

    public CompanyId {
        Objects.requireNonNull(value, "value");
    }

    public static CompanyId random() {
        return new CompanyId(UUID.randomUUID());
    }
}
