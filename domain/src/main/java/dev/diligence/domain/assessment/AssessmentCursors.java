package dev.diligence.domain.assessment;

import dev.diligence.domain.shared.paging.Cursor;

/** Lists of a company's assessments have one ordering: newest first, by the time they were started, then id (descending). */
public final class AssessmentCursors {

    public static final String ORDERING = "NEWEST_FIRST";

    private AssessmentCursors() {}

    public static Cursor of(Assessment assessment) {
        return new Cursor(
                ORDERING, assessment.createdAt().toString(), assessment.id().value());
    }
}
