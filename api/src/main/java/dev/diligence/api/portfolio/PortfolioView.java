package dev.diligence.api.portfolio;

import dev.diligence.api.fund.FundView;
import dev.diligence.domain.framework.FrameworkVersion;
import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.portfolio.PortfolioQuery;
import dev.diligence.domain.portfolio.PortfolioSummary;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

/**
 * GraphQL {@code Portfolio}: the comparison asked for, and its summary, read once on first use by
 * whichever of its fields a request selects (and not at all when it selects only pages).
 */
final class PortfolioView {

    private final PortfolioQuery query;
    private final FrameworkVersion version;
    private final FundView fund;
    private final Supplier<PortfolioSummary> reader;
    private PortfolioSummary summary;

    PortfolioView(PortfolioQuery query, FrameworkVersion version, FundView fund, Supplier<PortfolioSummary> reader) {
        this.query = query;
        this.version = version;
        this.fund = fund;
        this.reader = reader;
    }

    PortfolioQuery query() {
        return query;
    }

    FrameworkVersion version() {
        return version;
    }

    synchronized PortfolioSummary summary() {
        if (summary == null) {
            summary = reader.get();
        }
        return summary;
    }

    /** The fund, as read when the comparison was set up. */
    public FundView fund() {
        return fund;
    }

    public OffsetDateTime asOf() {
        return query.asOf().atOffset(ZoneOffset.UTC);
    }

    public int frameworkVersion() {
        return query.frameworkVersion();
    }

    public List<DealStage> dealStages() {
        return query.dealStages().stream().sorted().toList();
    }
}
