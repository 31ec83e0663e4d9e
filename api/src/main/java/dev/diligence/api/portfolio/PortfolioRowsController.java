package dev.diligence.api.portfolio;

import dev.diligence.api.assessment.AssessmentView;
import dev.diligence.api.assessment.RedFlagView;
import dev.diligence.api.company.CompanyView;
import dev.diligence.api.company.CompanyViews;
import dev.diligence.api.graphql.BadRequestException;
import dev.diligence.api.graphql.Connection;
import dev.diligence.api.graphql.ConnectionArguments;
import dev.diligence.api.graphql.SortDirection;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.portfolio.PortfolioOrder;
import dev.diligence.domain.portfolio.PortfolioPage;
import dev.diligence.domain.portfolio.RemediationItem;
import dev.diligence.domain.shared.paging.PageQuery;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** GraphQL portfolio rows: a portfolio's page of compared companies and its remediation ranking, with their batched relations. */
@Controller
class PortfolioRowsController {

    private static final Pattern DIMENSION_CODE = Pattern.compile("D[1-9][0-9]*");

    record PortfolioOrderInput(PortfolioOrder.Key field, String dimension, SortDirection direction) {}

    /** GraphQL {@code RemediationItem}. */
    record RemediationItemView(CompanyId companyKey, String criterion, int gap, BigDecimal priority) {

        static RemediationItemView of(RemediationItem item) {
            return new RemediationItemView(item.company(), item.criterion(), item.gap(), item.priority());
        }
    }

    private final PortfolioService portfolios;
    private final CompanyViews companyViews;

    PortfolioRowsController(PortfolioService portfolios, CompanyViews companyViews) {
        this.portfolios = portfolios;
        this.companyViews = companyViews;
    }

    @SchemaMapping(typeName = "Portfolio", field = "companies")
    Connection<PortfolioCompanyView> companyPage(
            PortfolioView portfolio,
            @Argument Integer first,
            @Argument String after,
            @Argument Integer last,
            @Argument String before,
            @Argument PortfolioOrderInput orderBy,
            DataFetchingFieldSelectionSet selection) {
        PortfolioOrder order = order(orderBy);
        ConnectionArguments arguments = new ConnectionArguments(first, after, last, before);
        PageQuery page = arguments.toPageQuery(order.name());
        PortfolioPage rows =
                portfolios.companies(portfolio.query(), order, page, Connection.selectsOfNodes(selection, "company"));
        return arguments.toConnection(
                page,
                rows.rows(),
                order::cursorOf,
                row -> PortfolioCompanyView.of(row, rows.companies().get(row.company())),
                () -> portfolios.countCompanies(portfolio.query()));
    }

    @SchemaMapping(typeName = "Portfolio")
    Connection<RemediationItemView> remediation(
            PortfolioView portfolio,
            @Argument Integer first,
            @Argument String after,
            @Argument Integer last,
            @Argument String before) {
        ConnectionArguments arguments = new ConnectionArguments(first, after, last, before);
        PageQuery page = arguments.toPageQuery(RemediationItem.ORDER);
        return arguments.toConnection(
                page,
                portfolios.remediation(portfolio.query(), page),
                RemediationItem::cursor,
                RemediationItemView::of,
                () -> portfolios.countRemediation(portfolio.query()));
    }

    /** The rows of a page answer with the companies read along with them; the others' are read in one batch. */
    @BatchMapping(typeName = "PortfolioCompany")
    Map<PortfolioCompanyView, CompanyView> company(List<PortfolioCompanyView> rows) {
        return companyViews.companiesOf(rows, PortfolioCompanyView::companyKey, PortfolioCompanyView::company);
    }

    /** The row's assessment, whole, through the assessments' own loader of whole assessments ({@code wholeAssessment}). */
    @SchemaMapping(typeName = "PortfolioCompany")
    CompletableFuture<AssessmentView> assessment(
            PortfolioCompanyView row, DataLoader<AssessmentId, AssessmentView> wholeAssessment) {
        return wholeAssessment.load(row.assessmentKey());
    }

    /** The row's red flags as the rule objects an assessment's score shows; the same read of the rows' assessments as {@code assessment}. */
    @SchemaMapping(typeName = "PortfolioCompany")
    CompletableFuture<List<RedFlagView>> firedRedFlags(
            PortfolioCompanyView row, DataLoader<AssessmentId, AssessmentView> wholeAssessment) {
        return wholeAssessment
                .load(row.assessmentKey())
                .thenApply(assessment -> assessment == null
                        ? null
                        : assessment.result().redFlags().stream()
                                .map(RedFlagView::of)
                                .toList());
    }

    @BatchMapping(typeName = "RemediationItem")
    Map<RemediationItemView, CompanyView> company(Collection<RemediationItemView> items) {
        return companyViews.companiesOf(items, RemediationItemView::companyKey);
    }

    private static PortfolioOrder order(PortfolioOrderInput input) {
        if (input == null) {
            return PortfolioOrder.DEFAULT;
        }
        boolean byDimension = input.field() == PortfolioOrder.Key.DIMENSION;
        if (byDimension != (input.dimension() != null)) {
            throw new BadRequestException("Name a dimension exactly when ordering by DIMENSION");
        }
        if (byDimension && !DIMENSION_CODE.matcher(input.dimension()).matches()) {
            throw new BadRequestException("A dimension code looks like D2");
        }
        return new PortfolioOrder(input.field(), input.dimension(), input.direction() == SortDirection.ASC);
    }
}
