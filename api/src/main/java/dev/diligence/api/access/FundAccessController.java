package dev.diligence.api.access;

import dev.diligence.api.fund.FundService;
import dev.diligence.api.fund.FundView;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.graphql.MutationOutcome;
import dev.diligence.api.graphql.UserError;
import dev.diligence.api.person.PeopleService;
import dev.diligence.api.person.PersonView;
import dev.diligence.api.security.Caller;
import dev.diligence.api.security.CurrentCaller;
import dev.diligence.domain.access.FundGrant;
import dev.diligence.domain.fund.FundId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL fund access: grants of funds to fund managers, and what the viewer was granted. */
@Controller
class FundAccessController {

    record FundAccessInput(String fundId, String subject) {}

    record GrantFundAccessPayload(FundGrantView grant, List<UserError> userErrors) {}

    record RevokeFundAccessPayload(String revokedGrantId, List<UserError> userErrors) {}

    private final FundAccessService access;
    private final FundService funds;
    private final PeopleService people;

    FundAccessController(FundAccessService access, FundService funds, PeopleService people) {
        this.access = access;
        this.funds = funds;
        this.people = people;
    }

    @QueryMapping
    List<FundGrantView> fundAccessGrants(@Argument String fundId) {
        return access.grantsOf(fundId(fundId)).stream().map(FundGrantView::of).toList();
    }

    @MutationMapping
    GrantFundAccessPayload grantFundAccess(@Argument FundAccessInput input) {
        return MutationOutcome.run(
                () -> new GrantFundAccessPayload(
                        FundGrantView.of(access.grant(fundId(input.fundId()), input.subject())), List.of()),
                errors -> new GrantFundAccessPayload(null, errors));
    }

    @MutationMapping
    RevokeFundAccessPayload revokeFundAccess(@Argument FundAccessInput input) {
        return MutationOutcome.run(
                () -> {
                    FundGrant revoked = access.revoke(fundId(input.fundId()), input.subject());
                    return new RevokeFundAccessPayload(
                            GlobalId.encode(FundAccessService.TYPE, revoked.id()), List.of());
                },
                errors -> new RevokeFundAccessPayload(null, errors));
    }

    @SchemaMapping(typeName = "Viewer", field = "grantedFunds")
    List<FundView> grantedFunds() {
        Caller caller = CurrentCaller.get();
        return caller.tenant().isEmpty()
                ? List.of()
                : access.grantedToCaller().stream().map(FundView::of).toList();
    }

    @SchemaMapping(typeName = "Viewer", field = "fundScoped")
    boolean fundScoped() {
        return CurrentCaller.get().fundScoped();
    }

    @BatchMapping(typeName = "FundAccessGrant")
    Map<FundGrantView, FundView> fund(List<FundGrantView> grants) {
        Map<String, FundView> byId =
                funds
                        .findAll(grants.stream()
                                .map(grant -> fundKey(grant.fundId()))
                                .distinct()
                                .toList())
                        .stream()
                        .map(FundView::of)
                        .collect(Collectors.toMap(FundView::id, Function.identity()));
        return grants.stream()
                .filter(grant -> byId.containsKey(grant.fundId()))
                .collect(Collectors.toMap(Function.identity(), grant -> byId.get(grant.fundId()), (a, b) -> a));
    }

    @BatchMapping(typeName = "FundAccessGrant")
    Map<FundGrantView, PersonView> person(List<FundGrantView> grants) {
        return people.personOf(grants, FundGrantView::subject);
    }

    @BatchMapping(typeName = "FundAccessGrant")
    Map<FundGrantView, PersonView> grantedBy(List<FundGrantView> grants) {
        return people.personOf(grants, FundGrantView::grantedBy);
    }

    private static FundId fundKey(String globalId) {
        return new FundId(GlobalId.decode(globalId, FundView.TYPE).orElseThrow());
    }

    /** The fund an ID names; an undecodable ID names no fund, and the service answers after authorizing. */
    private static FundId fundId(String id) {
        return new FundId(GlobalId.decodeOrNothing(id, FundView.TYPE));
    }
}
