package dev.diligence.domain.assessment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an assessment stands in its workflow. The allowed moves:
 * <pre>
 * DRAFT     → IN_REVIEW   (submitted by an assessor)
 * IN_REVIEW → DRAFT       (changes requested, with a review comment)
 * IN_REVIEW → PUBLISHED   (published by someone who neither submitted nor edited it)
 * PUBLISHED → RETRACTED   (retracted with a reason by a tenant administrator)
 * RETRACTED → nothing     (final)
 * </pre>
 * Retraction is a status of its own rather than a flag on PUBLISHED, so "counts as the company's
 * latest" is simply {@code status == PUBLISHED}; a retracted assessment keeps its publication and
 * stored scores, so it stays in history.
 */
public enum AssessmentStatus {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    RETRACTED;

    /** The statuses this one may move to. */
    public Set<AssessmentStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(IN_REVIEW);
            case IN_REVIEW -> EnumSet.of(DRAFT, PUBLISHED);
            case PUBLISHED -> EnumSet.of(RETRACTED);
            case RETRACTED -> EnumSet.noneOf(AssessmentStatus.class);
        };
    }

    public boolean canMoveTo(AssessmentStatus target) {
        return next().contains(target);
    }

    /** Published or retracted: scores are stored and nothing recorded can change any more. */
    public boolean isPublished() {
        return this == PUBLISHED || this == RETRACTED;
    }
}
