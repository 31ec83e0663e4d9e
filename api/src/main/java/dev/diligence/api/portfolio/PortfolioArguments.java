package dev.diligence.api.portfolio;

import dev.diligence.domain.holding.DealStage;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The {@code portfolio} query's arguments beside the fund, as the query parameters of the portfolio
 * export ({@code ?asOf=2026-06-30T00:00:00Z&dealStages=INVESTED&dealStages=DILIGENCE&frameworkVersion=1}):
 * {@code asOf} an ISO 8601 date and time with its offset, as the query's {@code DateTime}; absent
 * arguments mean what they mean to the query (now, every stage, the latest platform version).
 */
record PortfolioArguments(
        @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        OffsetDateTime asOf,

        @Nullable List<DealStage> dealStages,
        @Nullable Integer frameworkVersion) {

    Set<DealStage> stages() {
        return dealStages == null ? Set.of() : Set.copyOf(dealStages);
    }
}
