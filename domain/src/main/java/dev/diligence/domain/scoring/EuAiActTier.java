package dev.diligence.domain.scoring;

/** The EU AI Act risk tier of the company's AI systems (the highest one that applies). */
public enum EuAiActTier {
    /** A prohibited practice (Art. 5). */
    PROHIBITED,
    /** High-risk (Art. 6, Annex III): the duties of Art. 9-15 apply. */
    HIGH,
    /** Transparency obligations only (Art. 50). */
    LIMITED,
    /** No specific obligations. */
    MINIMAL,
    /** Not classified yet; the default. */
    UNCLASSIFIED
}
