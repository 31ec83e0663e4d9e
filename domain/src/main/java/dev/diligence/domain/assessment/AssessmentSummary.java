package dev.diligence.domain.assessment;

import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.scoring.AssessmentContext;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the read side shows of an assessment without its criteria, evidence and review comments: the
 * assessment's own row, who edited and submitted it, and, once it is published, its stored score.
 * Read in one statement; the full {@link Assessment} is read only where its parts are asked for.
 * Invariants: {@code publishedBy}, {@code publishedAt} and {@code storedScore} are present exactly
 * when the assessment was published (also when later retracted).
 */
public record AssessmentSummary(AssessmentId id, CompanyId company, int frameworkVersion, AssessmentStatus status,
        String leadAssessor, AssessmentContext context, Set<String> editors, Set<String> submitters,
        @Nullable String publishedBy, @Nullable Instant publishedAt, @Nullable StoredScore storedScore,
        @Nullable Retraction retraction, long version, Instant createdAt, Instant updatedAt) {

    public AssessmentSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(status, "status");
        editors = Set.copyOf(editors);
        submitters = Set.copyOf(submitters);
        if ((publishedBy == null) != (publishedAt == null) || (publishedBy == null) != (storedScore == null)) {
            throw new IllegalArgumentException("a publication has its publisher, its time and its stored score");
        }
    }
}
