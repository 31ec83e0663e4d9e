package dev.diligence.domain.assessment;

/** What an evidence item points at. */
public enum EvidenceKind {
    /** An absolute http(s) URL to an artifact, system or page. */
    LINK,
    /** A reference to a document in the data room (name, path or identifier). */
    DOCUMENT,
    /** A note of what was observed or said, e.g. in an interview. */
    NOTE
}
