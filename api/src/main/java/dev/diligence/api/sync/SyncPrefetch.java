package dev.diligence.api.sync;

import dev.diligence.api.sync.SyncInput.SyncCompanyInput;
import dev.diligence.api.sync.SyncInput.SyncDealsInput;
import dev.diligence.api.sync.SyncInput.SyncFundInput;
import dev.diligence.api.sync.SyncInput.SyncHoldingInput;
import dev.diligence.domain.company.Companies;
import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.fund.Fund;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.fund.Funds;
import dev.diligence.domain.holding.Holding;
import dev.diligence.domain.holding.HoldingId;
import dev.diligence.domain.holding.Holdings;
import dev.diligence.domain.sync.SyncReferences;
import dev.diligence.domain.sync.SyncedType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Loads what a sync request's external IDs name ({@link SyncKnown}) with a fixed number of statements,
 * whatever the number of items: per kind, the references of all its external IDs (the items' own
 * and those the holdings name) and the objects they name, plus which of those companies those funds
 * already hold. Runs after the source's lock is taken and before anything is written.
 */
@Component
class SyncPrefetch {

    private final SyncReferences references;
    private final Funds funds;
    private final Companies companies;
    private final Holdings holdings;

    SyncPrefetch(SyncReferences references, Funds funds, Companies companies, Holdings holdings) {
        this.references = references;
        this.funds = funds;
        this.companies = companies;
        this.holdings = holdings;
    }

    SyncKnown load(SyncDealsInput input) {
        Map<String, Fund> knownFunds = funds(input);
        Map<String, Company> knownCompanies = companies(input);
        Map<FundId, Set<CompanyId>> held = holdings.companiesHeld(
                knownFunds.values().stream().map(Fund::id).toList(),
                knownCompanies.values().stream().map(Company::id).toList());
        return new SyncKnown(knownFunds, knownCompanies, holdings(input), held);
    }

    /** The funds named by the fund items and by the holdings. */
    private Map<String, Fund> funds(SyncDealsInput input) {
        Map<String, UUID> ids = references.findAll(
                SyncedType.FUND,
                input.source(),
                externalIds(
                        input.funds().stream().map(SyncFundInput::externalId),
                        input.holdings().stream().map(SyncHoldingInput::fundExternalId)));
        List<Fund> rows = funds.findAll(ids.values().stream().map(FundId::new).toList());
        return named(ids, byId(rows, fund -> fund.id().value()), "fund");
    }

    /** The companies named by the company items and by the holdings. */
    private Map<String, Company> companies(SyncDealsInput input) {
        Map<String, CompanyId> ids = companies.findByReferences(
                input.source(),
                externalIds(
                        input.companies().stream().map(SyncCompanyInput::externalId),
                        input.holdings().stream().map(SyncHoldingInput::companyExternalId)));
        List<Company> rows = companies.findAll(ids.values());
        Map<String, UUID> uuids = new HashMap<>();
        ids.forEach((externalId, id) -> uuids.put(externalId, id.value()));
        return named(uuids, byId(rows, company -> company.id().value()), "company");
    }

    private Map<String, Holding> holdings(SyncDealsInput input) {
        Map<String, UUID> ids = references.findAll(
                SyncedType.HOLDING,
                input.source(),
                externalIds(input.holdings().stream().map(SyncHoldingInput::externalId), Stream.empty()));
        List<Holding> rows =
                holdings.findAll(ids.values().stream().map(HoldingId::new).toList());
        return named(ids, byId(rows, holding -> holding.id().value()), "holding");
    }

    private static Set<String> externalIds(Stream<String> own, Stream<String> named) {
        return Stream.concat(own, named).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static <T> Map<UUID, T> byId(Iterable<T> rows, Function<T, UUID> id) {
        Map<UUID, T> byId = new HashMap<>();
        rows.forEach(row -> byId.put(id.apply(row), row));
        return byId;
    }

    /** References always name an existing object of the tenant (foreign keys); a missing one is a fault. */
    private static <T> Map<String, T> named(Map<String, UUID> ids, Map<UUID, T> rows, String kind) {
        Map<String, T> named = new HashMap<>();
        ids.forEach((externalId, id) -> named.put(
                externalId,
                Optional.ofNullable(rows.get(id))
                        .orElseThrow(() -> new IllegalStateException("a sync reference names a missing " + kind))));
        return named;
    }
}
