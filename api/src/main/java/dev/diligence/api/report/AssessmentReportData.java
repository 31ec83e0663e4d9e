package dev.diligence.api.report;

import dev.diligence.domain.assessment.Assessment;
import dev.diligence.domain.assessment.CriterionAssessment;
import dev.diligence.domain.finding.Finding;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.scoring.ScoringResult;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything the assessment report shows, read in one transaction as the {@code assessment} and
 * {@code findings} queries read it for the same caller.
 *
 * @param assessmentId the assessment's global ID
 * @param funds        the names of the funds holding the company that the caller can see, by name
 * @param score        the scores as {@code Assessment.score} gives them: stored at publication, else computed
 * @param framework    the framework version scored under, for the names of dimensions and criteria
 * @param findings     every finding on the assessment (retired rule findings aside), most severe first,
 *                     then by due date (none last), then in the order raised
 * @param people       the display name of every subject the report names (as {@code Person.name})
 * @param generatedFor who asked for the report
 */
record AssessmentReportData(
        String assessmentId,
        String companyName,
        List<String> funds,
        Assessment assessment,
        ScoringResult score,
        boolean storedScore,
        @Nullable FrameworkVersion framework,
        List<Finding> findings,
        Map<String, String> people,
        Instant generatedAt,
        String generatedFor) {

    /** What the report is charged for: one row per criterion, finding and piece of evidence. */
    long rows() {
        Collection<CriterionAssessment> criteria = assessment.criteria().all();
        return criteria.size()
                + findings.size()
                + criteria.stream().mapToLong(c -> c.evidence().size()).sum();
    }

    /** The display name of {@code subject}; the subject itself when unknown. */
    String person(@Nullable String subject) {
        return subject == null ? "" : people.getOrDefault(subject, subject);
    }

    Optional<FrameworkVersion> frameworkVersion() {
        return Optional.ofNullable(framework);
    }
}
