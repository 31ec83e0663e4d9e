package dev.diligence.domain.assessment;

import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.scoring.AssessmentContext;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the read side shows of an assessment without its criteria, evidence and review comments: the
 * assessment's own row, who edited and submitted it, and its stored score: the result stored at
 * publication, or for an unpublished assessment the score of its inputs stored at its last save
 * (absent for one not saved since V024). Read in one statement; the full {@link Assessment} is read
 * only where its parts are asked for. Invariants: {@code publishedBy} and {@code publishedAt} are
 * present together, exactly when the assessment was published (also when later retracted), and a
 * published assessment always has its stored score.
 */
public record AssessmentSummary(
        AssessmentId id,
        CompanyId company,
        int frameworkVersion,
        AssessmentStatus status,
        String leadAssessor,
        AssessmentContext context,
        Set<String> editors,
        Set<String> submitters,
        @Nullable String publishedBy,
        @Nullable Instant publishedAt,
        @Nullable StoredScore storedScore,
        @Nullable Retraction retraction,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public AssessmentSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(status, "status");
        editors = Set.copyOf(editors);
        submitters = Set.copyOf(submitters);
        if ((publishedBy == null) != (publishedAt == null) || publishedBy != null && storedScore == null) {
            throw new IllegalArgumentException("a publication has its publisher, its time and its stored score");
        }
    }
}
