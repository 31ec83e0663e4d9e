package dev.diligence.domain.scoring;

/** Domains in which the company's AI decisions affect people's access to essential opportunities. */
public enum SensitiveDomain {
    EMPLOYMENT,
    CREDIT,
    HEALTH,
    INSURANCE,
    EDUCATION,
    OTHER
}
