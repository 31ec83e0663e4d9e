package dev.diligence.api.holding;

import dev.diligence.api.company.CompanyView;
import dev.diligence.api.company.CompanyViews;
import dev.diligence.api.fund.FundService;
import dev.diligence.api.fund.FundView;
import dev.diligence.api.graphql.Connection;
import dev.diligence.api.graphql.ConnectionArguments;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.graphql.MutationOutcome;
import dev.diligence.api.graphql.NodeLoader;
import dev.diligence.api.graphql.UserError;
import dev.diligence.api.person.PeopleService;
import dev.diligence.api.person.PersonView;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.holding.Holding;
import dev.diligence.domain.holding.HoldingId;
import dev.diligence.domain.holding.HoldingTerms;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL holdings: the mutations, the holdings of funds and companies, and each holding's fund and company. */
@Controller
class HoldingController {

    record AddHoldingInput(
            String fundId,
            String companyId,
            DealStage dealStage,
            BigDecimal ownershipPercentage,
            LocalDate entryDate,
            LocalDate exitDate,
            String dealLeadSubject) {}

    record UpdateHoldingInput(
            String id,
            Long expectedVersion,
            DealStage dealStage,
            BigDecimal ownershipPercentage,
            LocalDate entryDate,
            LocalDate exitDate,
            String dealLeadSubject) {}

    record RemoveHoldingInput(String id, Long expectedVersion) {}

    record HoldingPayload(HoldingView holding, List<UserError> userErrors) {

        static HoldingPayload of(Holding holding) {
            return new HoldingPayload(HoldingView.of(holding), List.of());
        }

        static HoldingPayload failed(List<UserError> errors) {
            return new HoldingPayload(null, errors);
        }
    }

    record RemoveHoldingPayload(String removedHoldingId, List<UserError> userErrors) {}

    private final HoldingService holdings;
    private final FundService funds;
    private final CompanyViews companyViews;
    private final PeopleService people;

    HoldingController(HoldingService holdings, FundService funds, CompanyViews companyViews, PeopleService people) {
        this.holdings = holdings;
        this.funds = funds;
        this.companyViews = companyViews;
        this.people = people;
    }

    /** {@code node(id:)} for holdings. */
    @Bean
    static NodeLoader holdingNodes(HoldingService holdings) {
        return new NodeLoader(
                HoldingView.TYPE, id -> holdings.find(new HoldingId(id)).map(HoldingView::of));
    }

    @SchemaMapping(typeName = "Fund", field = "holdings")
    CompletableFuture<Connection<HoldingView>> fundHoldings(
            FundView fund,
            @Argument Integer first,
            @Argument String after,
            @Argument Integer last,
            @Argument String before,
            DataFetchingFieldSelectionSet selection,
            DataLoader<HoldingLoaders.HoldingPageKey, Connection<HoldingView>> fundHoldings) {
        return fundHoldings.load(HoldingLoaders.HoldingPageKey.of(
                fund.fundId().value(), new ConnectionArguments(first, after, last, before), selection));
    }

    @SchemaMapping(typeName = "Company", field = "holdings")
    CompletableFuture<Connection<HoldingView>> companyHoldings(
            CompanyView company,
            @Argument Integer first,
            @Argument String after,
            @Argument Integer last,
            @Argument String before,
            DataFetchingFieldSelectionSet selection,
            DataLoader<HoldingLoaders.HoldingPageKey, Connection<HoldingView>> companyHoldings) {
        return companyHoldings.load(HoldingLoaders.HoldingPageKey.of(
                company.companyId().value(), new ConnectionArguments(first, after, last, before), selection));
    }

    @BatchMapping(typeName = "Holding")
    Map<HoldingView, FundView> fund(List<HoldingView> holdingViews) {
        Map<String, FundView> byId =
                funds
                        .findAll(holdingViews.stream()
                                .map(HoldingView::fundKey)
                                .distinct()
                                .toList())
                        .stream()
                        .map(FundView::of)
                        .collect(Collectors.toMap(FundView::id, Function.identity()));
        return holdingViews.stream()
                .filter(view -> byId.containsKey(view.fundId()))
                .collect(Collectors.toMap(Function.identity(), view -> byId.get(view.fundId()), (a, b) -> a));
    }

    /** The holdings of a page answer with the companies read along with them; the others' are read in one batch. */
    @BatchMapping(typeName = "Holding")
    Map<HoldingView, CompanyView> company(List<HoldingView> holdingViews) {
        return companyViews.companiesOf(holdingViews, HoldingView::companyKey, HoldingView::company);
    }

    @BatchMapping(typeName = "Holding")
    Map<HoldingView, PersonView> dealLead(List<HoldingView> holdingViews) {
        return people.personOf(holdingViews, HoldingView::dealLeadSubject);
    }

    @MutationMapping
    HoldingPayload addHolding(@Argument AddHoldingInput input) {
        return MutationOutcome.run(
                () -> {
                    FundId fund = new FundId(GlobalId.decodeOrNothing(input.fundId(), FundView.TYPE));
                    CompanyId company = new CompanyId(GlobalId.decodeOrNothing(input.companyId(), CompanyView.TYPE));
                    return HoldingPayload.of(holdings.add(
                            fund,
                            company,
                            new HoldingTerms(
                                    input.dealStage(),
                                    input.ownershipPercentage(),
                                    input.entryDate(),
                                    input.exitDate(),
                                    input.dealLeadSubject())));
                },
                HoldingPayload::failed);
    }

    @MutationMapping
    HoldingPayload updateHolding(@Argument UpdateHoldingInput input) {
        return MutationOutcome.run(
                () -> HoldingPayload.of(holdings.update(
                        holdingId(input.id()),
                        new HoldingTerms(
                                input.dealStage(),
                                input.ownershipPercentage(),
                                input.entryDate(),
                                input.exitDate(),
                                input.dealLeadSubject()),
                        input.expectedVersion())),
                HoldingPayload::failed);
    }

    @MutationMapping
    RemoveHoldingPayload removeHolding(@Argument RemoveHoldingInput input) {
        return MutationOutcome.run(
                () -> {
                    Holding removed = holdings.remove(holdingId(input.id()), input.expectedVersion());
                    return new RemoveHoldingPayload(
                            GlobalId.encode(HoldingView.TYPE, removed.id().value()), List.of());
                },
                errors -> new RemoveHoldingPayload(null, errors));
    }

    /** The holding an ID names; an undecodable ID names no holding, and the service answers NOT_FOUND after authorizing. */
    private static HoldingId holdingId(String id) {
        return new HoldingId(GlobalId.decodeOrNothing(id, HoldingView.TYPE));
    }
}
