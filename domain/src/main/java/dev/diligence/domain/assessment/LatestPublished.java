package dev.diligence.domain.assessment;

import dev.diligence.domain.company.CompanyId;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Which assessment counts as a company's latest: the published one with the latest publication
 * time. Retracted assessments never count now; a later publication supersedes an earlier one. Equal
 * publication times are broken by id, compared as PostgreSQL orders uuids (byte by byte, which is the
 * order of their canonical lower-case text), so the choice never depends on list order and SQL agrees.
 */
public final class LatestPublished {

    private static final Comparator<Assessment> BY_PUBLICATION = Comparator.comparing(
                    (Assessment a) -> Objects.requireNonNull(a.publication()).publishedAt())
            .thenComparing(a -> a.id().value().toString());

    private LatestPublished() {}

    /** The company's latest published, non-retracted assessment among {@code assessments}. */
    public static Optional<Assessment> of(CompanyId company, Collection<Assessment> assessments) {
        return assessments.stream()
                .filter(a -> a.company().equals(company) && a.status() == AssessmentStatus.PUBLISHED)
                .max(BY_PUBLICATION);
    }

    /**
     * The company's latest assessment as it stood at {@code asOf}: published at or before it, and not
     * retracted at or before it (one retracted later still counted then).
     */
    public static Optional<Assessment> asOf(CompanyId company, Collection<Assessment> assessments, Instant asOf) {
        return assessments.stream()
                .filter(a -> a.company().equals(company) && countedAt(a, asOf))
                .max(BY_PUBLICATION);
    }

    private static boolean countedAt(Assessment assessment, Instant asOf) {
        var publication = assessment.publication();
        var retraction = assessment.retraction();
        return publication != null
                && !publication.publishedAt().isAfter(asOf)
                && (retraction == null || retraction.retractedAt().isAfter(asOf));
    }
}
