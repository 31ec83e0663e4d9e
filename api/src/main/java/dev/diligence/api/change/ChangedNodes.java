package dev.diligence.api.change;

import dev.diligence.api.assessment.AssessmentService;
import dev.diligence.api.assessment.AssessmentView;
import dev.diligence.api.company.CompanyService;
import dev.diligence.api.company.CompanyView;
import dev.diligence.api.finding.FindingService;
import dev.diligence.api.finding.FindingView;
import dev.diligence.api.fund.FundService;
import dev.diligence.api.fund.FundView;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.graphql.NodeView;
import dev.diligence.api.holding.HoldingService;
import dev.diligence.api.holding.HoldingView;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.change.ChangeOperation;
import dev.diligence.domain.change.ChangedEntity;
import dev.diligence.domain.company.CompanyId;
import dev.diligence.domain.finding.FindingId;
import dev.diligence.domain.fund.FundId;
import dev.diligence.domain.holding.HoldingId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The objects behind a page of changes, as they are now: one batched read per entity type through
 * its service (so its authorization and the tenant's row-level security apply). A removed object, or
 * one the caller may not see, has no node.
 */
@Component
class ChangedNodes {

    private final FundService funds;
    private final CompanyService companies;
    private final HoldingService holdings;
    private final AssessmentService assessments;
    private final FindingService findings;

    ChangedNodes(
            FundService funds,
            CompanyService companies,
            HoldingService holdings,
            AssessmentService assessments,
            FindingService findings) {
        this.funds = funds;
        this.companies = companies;
        this.holdings = holdings;
        this.assessments = assessments;
        this.findings = findings;
    }

    /** The node of each change that has one; changes without a node are left out (GraphQL null). */
    Map<ChangeView, NodeView> of(List<ChangeView> changes) {
        Map<ChangedEntity, Set<UUID>> wanted = new EnumMap<>(ChangedEntity.class);
        for (ChangeView change : changes) {
            if (change.operation() != ChangeOperation.REMOVED) {
                wanted.computeIfAbsent(change.entityType(), type -> new HashSet<>())
                        .add(change.entityId());
            }
        }
        Map<ChangedEntity, Map<UUID, NodeView>> found = new EnumMap<>(ChangedEntity.class);
        wanted.forEach((type, ids) -> found.put(type, load(type, ids)));
        Map<ChangeView, NodeView> nodes = new HashMap<>();
        for (ChangeView change : changes) {
            NodeView node = found.getOrDefault(change.entityType(), Map.of()).get(change.entityId());
            if (node != null) {
                nodes.put(change, node);
            }
        }
        return nodes;
    }

    private Map<UUID, NodeView> load(ChangedEntity type, Set<UUID> ids) {
        return switch (type) {
            case FUND ->
                byId(
                        funds.findAll(ids.stream().map(FundId::new).toList()).stream()
                                .map(FundView::of)
                                .toList(),
                        view -> view.id());
            case COMPANY ->
                byId(
                        companies.findAll(ids.stream().map(CompanyId::new).toList()).stream()
                                .map(CompanyView::of)
                                .toList(),
                        view -> view.id());
            case HOLDING ->
                byId(
                        holdings.findAll(ids.stream().map(HoldingId::new).toList()).stream()
                                .map(HoldingView::of)
                                .toList(),
                        view -> view.id());
            case ASSESSMENT ->
                byId(
                        assessments.findAll(ids.stream().map(AssessmentId::new).toList()).stream()
                                .map(AssessmentView::of)
                                .toList(),
                        view -> view.id());
            case FINDING ->
                byId(
                        findings.findAll(ids.stream().map(FindingId::new).toList()).stream()
                                .map(FindingView::of)
                                .toList(),
                        view -> view.id());
        };
    }

    /** Keys the views by the UUID inside their global ID. */
    private static <V extends NodeView> Map<UUID, NodeView> byId(List<V> views, Function<V, String> globalId) {
        return views.stream()
                .collect(Collectors.toMap(
                        view -> GlobalId.decode(globalId.apply(view))
                                .orElseThrow()
                                .id(),
                        view -> view,
                        (a, b) -> a));
    }
}
