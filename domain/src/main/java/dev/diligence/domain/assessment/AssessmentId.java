package dev.diligence.domain.assessment;

import java.util.Objects;
import java.util.UUID;

/** Identity of an assessment inside its tenant. */
public record AssessmentId(UUID value) {

    public AssessmentId {
        Objects.requireNonNull(value, "value");
    }

    public static AssessmentId random() {
        return new AssessmentId(UUID.randomUUID());
    }
}
