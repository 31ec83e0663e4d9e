package dev.diligence.api.fund;

import dev.diligence.api.graphql.Connection;
import dev.diligence.api.graphql.ConnectionArguments;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.graphql.MutationOutcome;
import dev.diligence.api.graphql.NodeLoader;
import dev.diligence.api.graphql.SortDirection;
import dev.diligence.api.graphql.UserError;
import dev.diligence.domain.fund.Fund;
import dev.diligence.domain.fund.FundFilter;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.fund.FundProfile;
import dev.diligence.domain.fund.FundStatus;
import dev.diligence.domain.fund.FundStrategy;
import dev.diligence.domain.shared.paging.ListOrder;
import dev.diligence.domain.shared.paging.PageQuery;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL queries and mutations of funds. */
@Controller
class FundController {

    record FundFilterInput(FundStatus status, String nameContains) {}

    record FundOrderInput(ListOrder.SortKey field, SortDirection direction) {}

    record CreateFundInput(
            String name, Integer vintageYear, FundStrategy strategy, String currency, BigDecimal targetSize) {}

    record UpdateFundInput(
            String id,
            Long expectedVersion,
            String name,
            Integer vintageYear,
            FundStrategy strategy,
            String currency,
            BigDecimal targetSize) {}

    record ArchiveFundInput(String id, Long expectedVersion) {}

    record FundPayload(FundView fund, List<UserError> userErrors) {

        static FundPayload of(Fund fund) {
            return new FundPayload(FundView.of(fund), List.of());
        }

        static FundPayload failed(List<UserError> errors) {
            return new FundPayload(null, errors);
        }
    }

    private final FundService funds;

    FundController(FundService funds) {
        this.funds = funds;
    }

    /** {@code node(id:)} for funds. */
    @Bean
    static NodeLoader fundNodes(FundService funds) {
        return new NodeLoader(FundView.TYPE, id -> funds.find(new FundId(id)).map(FundView::of));
    }

    @QueryMapping
    Connection<FundView> funds(
            @Argument Integer first,
            @Argument String after,
            @Argument Integer last,
            @Argument String before,
            @Argument FundFilterInput filter,
            @Argument FundOrderInput orderBy) {
        FundFilter fundFilter =
                filter == null ? FundFilter.none() : new FundFilter(filter.status(), filter.nameContains());
        ListOrder order = orderBy == null
                ? ListOrder.NAME_ASC
                : ListOrder.of(orderBy.field(), orderBy.direction() == SortDirection.ASC);
        ConnectionArguments arguments = new ConnectionArguments(first, after, last, before);
        PageQuery page = arguments.toPageQuery(order.name());
        return arguments.toConnection(
                page,
                funds.page(fundFilter, order, page),
                order::cursorOf,
                FundView::of,
                () -> funds.count(fundFilter));
    }

    @QueryMapping
    FundView fund(@Argument String id) {
        return funds.find(fundId(id)).map(FundView::of).orElse(null);
    }

    @MutationMapping
    FundPayload createFund(@Argument CreateFundInput input) {
        return MutationOutcome.run(
                () -> FundPayload.of(funds.create(new FundProfile(
                        input.name(), input.vintageYear(), input.strategy(), input.currency(), input.targetSize()))),
                FundPayload::failed);
    }

    @MutationMapping
    FundPayload updateFund(@Argument UpdateFundInput input) {
        return MutationOutcome.run(
                () -> {
                    FundProfile changes = new FundProfile(
                            input.name(), input.vintageYear(), input.strategy(), input.currency(), input.targetSize());
                    return FundPayload.of(funds.update(fundId(input.id()), changes, input.expectedVersion()));
                },
                FundPayload::failed);
    }

    @MutationMapping
    FundPayload archiveFund(@Argument ArchiveFundInput input) {
        return MutationOutcome.run(
                () -> FundPayload.of(funds.archive(fundId(input.id()), input.expectedVersion())), FundPayload::failed);
    }

    /** The fund an ID names; an undecodable ID names no fund, and the service answers NOT_FOUND after authorizing. */
    private static FundId fundId(String id) {
        return new FundId(GlobalId.decodeOrNothing(id, FundView.TYPE));
    }
}
