package dev.diligence.domain.scoring;

/** Whether a criterion has been scored. */
public enum ScoreState {
    /** Scored with a level and a confidence. */
    SCORED,
    /** Does not apply to the company (a reason is required); excluded from scores and coverage. */
    NOT_APPLICABLE,
    /** Not assessed yet, the default; counts against coverage. */
    UNKNOWN
}
