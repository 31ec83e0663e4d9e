package dev.diligence.domain.change;

/**
 * What happened to the object. Assessments appear only as {@code PUBLISHED} or {@code RETRACTED};
 * a retired rule finding is {@code REMOVED}, like a removed holding.
 */
public enum ChangeOperation {
    CREATED,
    UPDATED,
    REMOVED,
    PUBLISHED,
    RETRACTED
}
