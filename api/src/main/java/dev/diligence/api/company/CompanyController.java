package dev.diligence.api.company;

import dev.diligence.api.graphql.Connection;
import dev.diligence.api.graphql.ConnectionArguments;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.graphql.MutationOutcome;
import dev.diligence.api.graphql.NodeLoader;
import dev.diligence.api.graphql.SortDirection;
import dev.diligence.api.graphql.UserError;
import dev.diligence.domain.company.Company;
import dev.diligence.domain.company.CompanyFilter;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.company.CompanyProfile;
import dev.diligence.domain.company.CompanyStage;
import dev.diligence.domain.company.ExternalReference;
import dev.diligence.domain.company.Sector;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.DealStage;
import dev.diligence.domain.shared.paging.ListOrder;
import dev.diligence.domain.shared.paging.PageQuery;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL queries and mutations of target companies. */
@Controller
class CompanyController {

    record CompanyFilterInput(
            String nameContains,
            Sector sector,
            CompanyStage stage,
            String headquartersCountry,
            String fundId,
            DealStage dealStage,
            Boolean archived) {}

    record CompanyOrderInput(ListOrder.SortKey field, SortDirection direction) {}

    record ExternalReferenceInput(String source, String externalId) {}

    record CreateCompanyInput(
            String name,
            String website,
            Sector sector,
            String headquartersCountry,
            CompanyStage stage,
            Integer employeeCount,
            String description,
            List<ExternalReferenceInput> externalReferences) {}

    record UpdateCompanyInput(
            String id,
            Long expectedVersion,
            String name,
            String website,
            Sector sector,
            String headquartersCountry,
            CompanyStage stage,
            Integer employeeCount,
            String description,
            List<ExternalReferenceInput> externalReferences) {}

    record ArchiveCompanyInput(String id, Long expectedVersion) {}

    record CompanyPayload(CompanyView company, List<UserError> userErrors) {

        static CompanyPayload of(Company company) {
            return new CompanyPayload(CompanyView.of(company), List.of());
        }

        static CompanyPayload failed(List<UserError> errors) {
            return new CompanyPayload(null, errors);
        }
    }

    private final CompanyService companies;

    CompanyController(CompanyService companies) {
        this.companies = companies;
    }

    /** {@code node(id:)} for companys. */
    @Bean
    static NodeLoader companyNodes(CompanyService companies) {
        return new NodeLoader(
                CompanyView.TYPE, id -> companies.find(new CompanyId(id)).map(CompanyView::of));
    }

    @QueryMapping
    Connection<CompanyView> companies(
            @Argument Integer first,
            @Argument String after,
            @Argument Integer last,
            @Argument String before,
            @Argument CompanyFilterInput filter,
            @Argument CompanyOrderInput orderBy) {
        CompanyFilter companyFilter = filter == null
                ? CompanyFilter.none()
                : new CompanyFilter(
                        filter.nameContains(),
                        filter.sector(),
                        filter.stage(),
                        filter.headquartersCountry(),
                        filter.fundId() == null ? null : new FundId(GlobalId.decodeOrNothing(filter.fundId(), "Fund")),
                        filter.dealStage(),
                        filter.archived());
        ListOrder order = orderBy == null
                ? ListOrder.NAME_ASC
                : ListOrder.of(orderBy.field(), orderBy.direction() == SortDirection.ASC);
        ConnectionArguments arguments = new ConnectionArguments(first, after, last, before);
        PageQuery page = arguments.toPageQuery(order.name());
        return arguments.toConnection(
                page,
                companies.page(companyFilter, order, page),
                order::cursorOf,
                CompanyView::of,
                () -> companies.count(companyFilter));
    }

    @QueryMapping
    CompanyView company(@Argument String id) {
        return companies.find(companyId(id)).map(CompanyView::of).orElse(null);
    }

    @MutationMapping
    CompanyPayload createCompany(@Argument CreateCompanyInput input) {
        return MutationOutcome.run(
                () -> CompanyPayload.of(companies.create(
                        new CompanyProfile(
                                input.name(),
                                input.website(),
                                input.sector(),
                                input.headquartersCountry(),
                                input.stage(),
                                input.employeeCount(),
                                input.description()),
                        references(input.externalReferences() == null ? List.of() : input.externalReferences()))),
                CompanyPayload::failed);
    }

    @MutationMapping
    CompanyPayload updateCompany(@Argument UpdateCompanyInput input) {
        return MutationOutcome.run(
                () -> CompanyPayload.of(companies.update(
                        companyId(input.id()),
                        new CompanyProfile(
                                input.name(),
                                input.website(),
                                input.sector(),
                                input.headquartersCountry(),
                                input.stage(),
                                input.employeeCount(),
                                input.description()),
                        input.externalReferences() == null ? null : references(input.externalReferences()),
                        input.expectedVersion())),
                CompanyPayload::failed);
    }

    @MutationMapping
    CompanyPayload archiveCompany(@Argument ArchiveCompanyInput input) {
        return MutationOutcome.run(
                () -> CompanyPayload.of(companies.archive(companyId(input.id()), input.expectedVersion())),
                CompanyPayload::failed);
    }

    private static List<ExternalReference> references(List<ExternalReferenceInput> inputs) {
        return inputs.stream()
                .map(input -> new ExternalReference(input.source(), input.externalId()))
                .toList();
    }

    /** The company an ID names; an undecodable ID names no company, and the service answers NOT_FOUND after authorizing. */
    static CompanyId companyId(String id) {
        return new CompanyId(GlobalId.decodeOrNothing(id, CompanyView.TYPE));
    }
}
