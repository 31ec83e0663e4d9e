package dev.diligence.domain.scoring;

import java.math.BigDecimal;

/** How well a scored level is supported, with the factor k it contributes to confidence scores. */
public enum Confidence {
    /** An artifact or system was observed. */
    HIGH("1.0"),
    /** A document or a demo. */
    MEDIUM("0.6"),
    /** An interview or self-report. */
    LOW("0.3");

    private final BigDecimal factor;

    Confidence(String factor) {
        this.factor = new BigDecimal(factor);
    }

    /** k(HIGH) = 1.0, k(MEDIUM) = 0.6, k(LOW) = 0.3. */
    public BigDecimal factor() {
        return factor;
    }
}
