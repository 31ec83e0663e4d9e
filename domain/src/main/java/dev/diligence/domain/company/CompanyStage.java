package dev.diligence.domain.company;

/** How far a target company has grown. */
public enum CompanyStage {
    SEED,
    EARLY,
    GROWTH,
    LATE,
    PUBLIC
}
