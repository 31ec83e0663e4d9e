package dev.diligence.domain.finding;

import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.fund.FundId;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which findings to list; conditions combine with AND, an absent condition (null or an empty set)
 * admits everything. Retired rule findings are never listed.
 *
 * @param fund       only findings on assessments of companies the fund holds
 * @param dimension  only findings about a criterion of this dimension ("D2": criteria C2.x); a code
 *                   that is no dimension code matches nothing
 * @param source     only findings raised by people, or only those raised by red-flag rules
 */
public record FindingFilter(
        @Nullable FundId fund,
        @Nullable CompanyId company,
        @Nullable AssessmentId assessment,
        Set<Severity> severities,
        Set<FindingStatus> statuses,
        @Nullable String dimension,
        FindingSource.@Nullable Kind source) {

    private static final Pattern DIMENSION = Pattern.compile("D([1-9][0-9]*)");

    public FindingFilter {
        severities = Set.copyOf(severities);
        statuses = Set.copyOf(statuses);
    }

    public static FindingFilter none() {
        return new FindingFilter(null, null, null, Set.of(), Set.of(), null, null);
    }

    /**
     * The prefix the codes of the dimension's criteria start with ("C2." for "D2"); empty when no
     * dimension is asked for. A malformed dimension gives a prefix no criterion code has.
     */
    public Optional<String> criterionPrefix() {
        if (dimension == null) {
            return Optional.empty();
        }
        var matcher = DIMENSION.matcher(dimension);
        return Optional.of(matcher.matches() ? "C" + matcher.group(1) + "." : "-");
    }
}
