package dev.diligence.api.portfolio;

import dev.diligence.api.fund.FundView;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.shared.RuleViolationException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The {@code portfolio} query's arguments beside the fund, as the query parameters of the portfolio
 * export and the portfolio report
 * ({@code ?asOf=2026-06-30T00:00:00Z&dealStages=INVESTED&dealStages=DILIGENCE&frameworkVersion=1}):
 * {@code asOf} an ISO 8601 date and time with its offset, as the query's {@code DateTime}; absent
 * arguments mean what they mean to the query (now, every stage, the latest platform version).
 */
public record PortfolioArguments(
        @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        OffsetDateTime asOf,

        @Nullable List<DealStage> dealStages,
        @Nullable Integer frameworkVersion) {

    Set<DealStage> stages() {
        return dealStages == null ? Set.of() : Set.copyOf(dealStages);
    }

    /**
     * The comparison these arguments ask of the fund {@code fundId} (a global ID), as the query sets it
     * up; empty when the caller cannot see the fund or the ID names none.
     *
     * @throws RuleViolationException when the framework version does not exist for the caller
     */
    public Optional<PortfolioService.Comparison> comparison(PortfolioService portfolios, String fundId) {
        return portfolios.comparison(
                new FundId(GlobalId.decodeOrNothing(fundId, FundView.TYPE)),
                asOf == null ? null : asOf.toInstant(),
                stages(),
                frameworkVersion);
    }

    /** The fund and the arguments as asked, for the audit trail: those given only, {@code asOf} with its offset. */
    public Map<String, Object> asked(String fundId) {
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("fundId", fundId);
        if (asOf != null) {
            asked.put("asOf", asOf.toString());
        }
        if (dealStages != null && !dealStages.isEmpty()) {
            asked.put("dealStages", dealStages.stream().map(Enum::name).toList());
        }
        if (frameworkVersion != null) {
            asked.put("frameworkVersion", frameworkVersion);
        }
        return asked;
    }
}
