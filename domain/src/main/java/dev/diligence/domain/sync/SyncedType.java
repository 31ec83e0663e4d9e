package dev.diligence.domain.sync;

/**
 * The kinds of objects whose identities in other systems are kept as {@link SyncReferences}.
 * Companies are not among them: a company's identities are its external references.
 */
public enum SyncedType {
    FUND,
    HOLDING
}
