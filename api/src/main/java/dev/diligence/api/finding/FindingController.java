package dev.diligence.api.finding;

import dev.diligence.api.graphql.Connection;
import dev.diligence.api.graphql.ConnectionArguments;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.graphql.MutationOutcome;
import dev.diligence.api.graphql.NodeLoader;
import dev.diligence.api.graphql.UserError;
import dev.diligence.domain.assessment.AssessmentId;
import dev.diligence.domain.finding.Finding;
import dev.diligence.domain.finding.FindingContent;
import dev.diligence.domain.finding.FindingFilter;
import dev.diligence.domain.finding.FindingId;
import dev.diligence.domain.finding.FindingOrder;
import dev.diligence.domain.finding.Severity;
import dev.diligence.domain.framework.Standard;
import dev.diligence.domain.framework.StandardReference;
import dev.diligence.domain.shared.RuleViolationException;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import dev.diligence.domain.shared.paging.PageQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL findings: the filtered list with counts by severity, and the mutations. */
@Controller
class FindingController {

    record ReferenceInput(Standard standard, String clause) {}

    record RaiseFindingInput(
            String assessmentId,
            String criterion,
            String title,
            String description,
            Severity severity,
            String owner,
            LocalDate dueDate,
            String remediationPlan,
            List<ReferenceInput> references) {}

    record UpdateFindingInput(
            String id,
            Long expectedVersion,
            String title,
            String description,
            Severity severity,
            String owner,
            LocalDate dueDate,
            String remediationPlan,
            List<ReferenceInput> references) {}

    record FindingVersionInput(String id, Long expectedVersion) {}

    record ResolveFindingInput(String id, Long expectedVersion, String resolutionNote) {}

    record AcceptFindingRiskInput(String id, Long expectedVersion, String justification) {}

    record FindingPayload(FindingView finding, List<UserError> userErrors) {

        static FindingPayload failed(List<UserError> errors) {
            return new FindingPayload(null, errors);
        }
    }

    /** GraphQL {@code FindingConnection}: a page, the total, and the numbers per severity (each counted only when asked for). */
    record FindingConnection(Connection<FindingView> page, SeverityCounts countsBySeverity) {

        public List<Connection.Edge<FindingView>> edges() {
            return page.edges();
        }

        public List<FindingView> nodes() {
            return page.nodes();
        }

        public Connection.PageInfo pageInfo() {
            return page.pageInfo();
        }

        public long totalCount() {
            return page.totalCount();
        }
    }

    /** GraphQL {@code FindingSeverityCounts}, read once on first use. */
    static final class SeverityCounts {

        private final Supplier<Map<Severity, Long>> counts;
        private Map<Severity, Long> read;

        SeverityCounts(Supplier<Map<Severity, Long>> counts) {
            this.counts = counts;
        }

        private synchronized long of(Severity severity) {
            if (read == null) {
                read = counts.get();
            }
            return read.getOrDefault(severity, 0L);
        }

        public long critical() {
            return of(Severity.CRITICAL);
        }

        public long high() {
            return of(Severity.HIGH);
        }

        public long medium() {
            return of(Severity.MEDIUM);
        }

        public long low() {
            return of(Severity.LOW);
        }

        public long info() {
            return of(Severity.INFO);
        }
    }

    private static final int CLAUSE_MAX_LENGTH = 100;

    private final FindingService findings;

    FindingController(FindingService findings) {
        this.findings = findings;
    }

    /** {@code node(id:)} for findings. */
    @Bean
    static NodeLoader findingNodes(FindingService findings) {
        return new NodeLoader(
                FindingView.TYPE, id -> findings.find(new FindingId(id)).map(FindingView::of));
    }

    @QueryMapping("findings")
    FindingConnection findingList(
            @Argument Integer first,
            @Argument String after,
            @Argument Integer last,
            @Argument String before,
            @Argument FindingFilterInput filter) {
        FindingFilter findingFilter = FindingFilterInput.toFilter(filter);
        ConnectionArguments arguments = new ConnectionArguments(first, after, last, before);
        PageQuery page = arguments.toPageQuery(FindingOrder.RAISED);
        Connection<FindingView> connection = arguments.toConnection(
                page,
                findings.page(findingFilter, page),
                FindingOrder::cursorOf,
                FindingView::of,
                () -> findings.count(findingFilter));
        return new FindingConnection(connection, new SeverityCounts(() -> findings.countBySeverity(findingFilter)));
    }

    @MutationMapping
    FindingPayload raiseFinding(@Argument RaiseFindingInput input) {
        return MutationOutcome.run(
                () -> {
                    AssessmentId assessment =
                            new AssessmentId(GlobalId.decodeOrNothing(input.assessmentId(), "Assessment"));
                    FindingContent content = new FindingContent(
                            text(input.title()),
                            text(input.description()),
                            input.severity(),
                            input.owner(),
                            input.dueDate(),
                            input.remediationPlan(),
                            references(input.references()));
                    return payload(findings.raise(assessment, input.criterion(), content));
                },
                FindingPayload::failed);
    }

    @MutationMapping
    FindingPayload updateFinding(@Argument UpdateFindingInput input) {
        return MutationOutcome.run(
                () -> payload(findings.update(
                        FindingView.findingId(input.id()),
                        input.expectedVersion(),
                        current -> new FindingContent(
                                input.title() == null ? current.title() : input.title(),
                                input.description() == null ? current.description() : input.description(),
                                input.severity() == null ? current.severity() : input.severity(),
                                input.owner() == null ? current.owner() : input.owner(),
                                input.dueDate() == null ? current.dueDate() : input.dueDate(),
                                input.remediationPlan() == null ? current.remediationPlan() : input.remediationPlan(),
                                input.references() == null ? current.references() : references(input.references())))),
                FindingPayload::failed);
    }

    @MutationMapping
    FindingPayload startFindingRemediation(@Argument FindingVersionInput input) {
        return MutationOutcome.run(
                () -> payload(findings.startRemediation(FindingView.findingId(input.id()), input.expectedVersion())),
                FindingPayload::failed);
    }

    @MutationMapping
    FindingPayload resolveFinding(@Argument ResolveFindingInput input) {
        return MutationOutcome.run(
                () -> payload(findings.resolve(
                        FindingView.findingId(input.id()), input.expectedVersion(), input.resolutionNote())),
                FindingPayload::failed);
    }

    @MutationMapping
    FindingPayload acceptFindingRisk(@Argument AcceptFindingRiskInput input) {
        return MutationOutcome.run(
                () -> payload(findings.acceptRisk(
                        FindingView.findingId(input.id()), input.expectedVersion(), input.justification())),
                FindingPayload::failed);
    }

    @MutationMapping
    FindingPayload reopenFinding(@Argument FindingVersionInput input) {
        return MutationOutcome.run(
                () -> payload(findings.reopen(FindingView.findingId(input.id()), input.expectedVersion())),
                FindingPayload::failed);
    }

    private static FindingPayload payload(Finding finding) {
        return new FindingPayload(FindingView.of(finding), List.of());
    }

    /** The cited clauses; a blank or overlong clause is refused at {@code ["references", index, "clause"]}. */
    private static List<StandardReference> references(List<ReferenceInput> inputs) {
        if (inputs == null) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String clause = inputs.get(i).clause();
            List<String> field = List.of("references", String.valueOf(i), "clause");
            if (clause == null || clause.isBlank()) {
                violations.add(new Violation(field, ViolationCode.REQUIRED, "a reference names a clause"));
            } else if (clause.strip().length() > CLAUSE_MAX_LENGTH) {
                violations.add(new Violation(
                        field, ViolationCode.TOO_LONG, "a clause is at most " + CLAUSE_MAX_LENGTH + " characters"));
            }
        }
        RuleViolationException.throwIfAny(violations);
        return inputs.stream()
                .map(input ->
                        new StandardReference(input.standard(), input.clause().strip()))
                .toList();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
