package dev.diligence.api.sync;

import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.fund.Fund;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.Holding;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The funds, companies and holdings a sync request names by external ID of its source: as the
 * database held them when the request began (loaded by {@link SyncPrefetch} in a few statements,
 * under the source's lock, so no other sync of the source changes them meanwhile), then as this
 * request leaves them. Invariant: after each item, this says what the database will hold for those
 * external IDs once the request's pending writes are stored, so that items are checked against it
 * instead of querying the database one by one. Only successful items change it.
 */
final class SyncKnown {

    private final Map<String, Fund> funds;
    private final Map<String, Company> companies;
    private final Map<String, Holding> holdings;
    /** Of the funds and companies above, which companies each fund holds (under any deal). */
    private final Map<FundId, Set<CompanyId>> held;

    SyncKnown(
            Map<String, Fund> funds,
            Map<String, Company> companies,
            Map<String, Holding> holdings,
            Map<FundId, Set<CompanyId>> held) {
        this.funds = new HashMap<>(funds);
        this.companies = new HashMap<>(companies);
        this.holdings = new HashMap<>(holdings);
        this.held = new HashMap<>();
        held.forEach((fund, heldCompanies) -> this.held.put(fund, new HashSet<>(heldCompanies)));
    }

    Optional<Fund> fund(String externalId) {
        return Optional.ofNullable(funds.get(externalId));
    }

    Optional<Company> company(String externalId) {
        return Optional.ofNullable(companies.get(externalId));
    }

    Optional<Holding> holding(String externalId) {
        return Optional.ofNullable(holdings.get(externalId));
    }

    boolean holds(FundId fund, CompanyId company) {
        return held.getOrDefault(fund, Set.of()).contains(company);
    }

    void put(String externalId, Fund fund) {
        funds.put(externalId, fund);
    }

    void put(String externalId, Company company) {
        companies.put(externalId, company);
    }

    /** A holding stays in its fund and with its company, so this also records that its fund holds its company. */
    void put(String externalId, Holding holding) {
        holdings.put(externalId, holding);
        held.computeIfAbsent(holding.fund(), fund -> new HashSet<>()).add(holding.company());
    }
}
