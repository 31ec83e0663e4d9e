package dev.diligence.domain.portfolio;

import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.company.CompanyId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A company of a side-by-side comparison with the stored scores of its latest published assessment.
 * Without one, {@code assessment} and everything after it are absent (and the lists empty).
 *
 * @param frameworkVersion the version the assessment was scored under
 * @param dimensions       each dimension's stored score, in framework order
 * @param criteria         each criterion's stored effective level and gap, in framework order
 */
public record ComparedCompany(
        CompanyId company,
        @Nullable AssessmentId assessment,
        @Nullable Instant publishedAt,
        @Nullable Integer frameworkVersion,
        @Nullable BigDecimal overall,
        @Nullable BigDecimal percentage,
        @Nullable Integer level,
        boolean levelSuppressed,
        List<DimensionScore> dimensions,
        List<ComparedCriterion> criteria) {

    public ComparedCompany {
        dimensions = List.copyOf(dimensions);
        criteria = List.copyOf(criteria);
    }

    /** A company without a published assessment. */
    public static ComparedCompany unassessed(CompanyId company) {
        return new ComparedCompany(company, null, null, null, null, null, null, false, List.of(), List.of());
    }

    /** Whether its assessment was scored under {@code version}, so it compares with that version's cohort. */
    public boolean scoredUnder(int version) {
        return frameworkVersion != null && frameworkVersion == version;
    }
}
