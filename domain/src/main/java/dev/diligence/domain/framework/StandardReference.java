package dev.diligence.domain.framework;

import java.util.Objects;

/**
 * A clause of an external framework that a criterion maps to, e.g. NIST AI RMF "MEASURE 2.11" or
 * EU AI Act "Art. 10".
 */
public record StandardReference(Standard standard, String clause) {

    public StandardReference {
        Objects.requireNonNull(standard, "standard");
        if (clause.isBlank()) {
            throw new IllegalArgumentException("a reference names a clause");
        }
    }

    public static StandardReference nist(String clause) {
        return new StandardReference(Standard.NIST_AI_RMF, clause);
    }

    public static StandardReference euAiAct(String clause) {
        return new StandardReference(Standard.EU_AI_ACT, clause);
    }

    public static StandardReference iso42001(String clause) {
        return new StandardReference(Standard.ISO_IEC_42001, clause);
    }

    /** The reference as people cite it: "NIST AI RMF MEASURE 2.11". */
    public String citation() {
        return standard.title() + " " + clause;
    }
}
