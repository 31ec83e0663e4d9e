package dev.diligence.domain.framework;

/** External frameworks that criteria cite, so that findings can cite them too. */
public enum Standard {
    NIST_AI_RMF("NIST AI RMF"),
    EU_AI_ACT("EU AI Act"),
    ISO_IEC_42001("ISO/IEC 42001");

    private final String title;

    Standard(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
