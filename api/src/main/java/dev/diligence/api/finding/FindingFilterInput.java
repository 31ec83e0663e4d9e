package dev.diligence.api.finding;

import dev.diligence.api.company.CompanyView;
import dev.diligence.api.fund.FundView;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.finding.FindingFilter;
import dev.diligence.domain.finding.FindingSource;
import dev.diligence.domain.finding.FindingStatus;
import dev.diligence.domain.finding.Severity;
import dev.diligence.domain.fund.FundId;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code FindingFilter} of the GraphQL schema, and the same filter as the query parameters of the
 * findings export ({@code ?fundId=...&severities=HIGH&severities=CRITICAL}): one binding, one meaning.
 */
record FindingFilterInput(
        @Nullable String fundId,
        @Nullable String companyId,
        @Nullable String assessmentId,
        @Nullable List<Severity> severities,
        @Nullable List<FindingStatus> statuses,
        @Nullable String dimension,
        FindingSource.@Nullable Kind source) {

    /** The filter of {@code input} (none when absent); an undecodable ID names nothing, so it matches no finding. */
    static FindingFilter toFilter(@Nullable FindingFilterInput input) {
        if (input == null) {
            return FindingFilter.none();
        }
        return new FindingFilter(
                input.fundId() == null ? null : new FundId(GlobalId.decodeOrNothing(input.fundId(), FundView.TYPE)),
                input.companyId() == null
                        ? null
                        : new CompanyId(GlobalId.decodeOrNothing(input.companyId(), CompanyView.TYPE)),
                input.assessmentId() == null
                        ? null
                        : new AssessmentId(GlobalId.decodeOrNothing(input.assessmentId(), "Assessment")),
                input.severities() == null ? Set.of() : Set.copyOf(input.severities()),
                input.statuses() == null ? Set.of() : Set.copyOf(input.statuses()),
                input.dimension(),
                input.source());
    }
}
