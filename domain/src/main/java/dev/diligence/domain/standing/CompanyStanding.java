package dev.diligence.domain.standing;

import dev.diligence.domain.assessment.AssessmentSummary;
import dev.diligence.domain.assessment.LatestPublished;
import dev.diligence.domain.finding.Severity;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a company stands, as a dashboard shows it beside the company: its latest publication and its
 * open findings. Each part is read only when asked for ({@link StandingReads}); a part not read is
 * empty.
 *
 * @param latestPublication the summary of the company's latest published, non-retracted assessment
 *                          ({@link LatestPublished#of}), null when it has none or it was not read
 * @param openFindings      the open findings ({@code OPEN}, {@code IN_REMEDIATION}, not retired) over
 *                          every assessment of the company, per severity, every severity a key;
 *                          empty when not read
 */
public record CompanyStanding(@Nullable AssessmentSummary latestPublication, Map<Severity, Long> openFindings) {

    public CompanyStanding {
        openFindings = Map.copyOf(openFindings);
    }

    public Optional<AssessmentSummary> latest() {
        return Optional.ofNullable(latestPublication);
    }
}
