package dev.diligence.api.audit;

import dev.diligence.api.graphql.Connection;
import dev.diligence.api.graphql.ConnectionArguments;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.person.PeopleService;
import dev.diligence.api.person.PersonView;
import dev.diligence.domain.audit.AuditEvent;
import dev.diligence.domain.audit.AuditFilter;
import dev.diligence.domain.shared.paging.PageQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GraphQL {@code auditEvents}: the audit trail of the caller's firm. */
@Controller
class AuditController {

    record AuditEventFilterInput(
            @Nullable String entityType,
            @Nullable String entityId,
            @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime to) {}

    private final AuditService audit;
    private final PeopleService people;
    private final AuditDocuments documents;

    AuditController(AuditService audit, PeopleService people, AuditDocuments documents) {
        this.audit = audit;
        this.people = people;
        this.documents = documents;
    }

    @QueryMapping
    Connection<AuditEventView> auditEvents(
            @Argument Integer first,
            @Argument String after,
            @Argument Integer last,
            @Argument String before,
            @Argument AuditEventFilterInput filter) {
        AuditFilter auditFilter = toFilter(filter);
        ConnectionArguments arguments = new ConnectionArguments(first, after, last, before);
        PageQuery page = arguments.toPageQuery(AuditEvent.ORDERING);
        return arguments.toConnection(
                page,
                audit.page(auditFilter, page),
                AuditEvent::cursor,
                event -> AuditEventView.of(event, documents),
                () -> audit.count(auditFilter));
    }

    /** The actors of a page of events, as people, in one read. */
    @BatchMapping(typeName = "AuditEvent", field = "actor")
    Map<AuditEventView, PersonView> actor(List<AuditEventView> events) {
        return people.personOf(events, AuditEventView::actorSubject);
    }

    /**
     * The domain filter of {@code input}. The entity ID is a global ID, which also names the entity's
     * type; a malformed one, or one of another type than {@code entityType}, matches nothing.
     */
    private static AuditFilter toFilter(@Nullable AuditEventFilterInput input) {
        if (input == null) {
            return AuditFilter.none();
        }
        Instant from =
                Optional.ofNullable(input.from()).map(OffsetDateTime::toInstant).orElse(null);
        Instant to =
                Optional.ofNullable(input.to()).map(OffsetDateTime::toInstant).orElse(null);
        if (input.entityId() == null) {
            return new AuditFilter(input.entityType(), null, from, to);
        }
        Optional<GlobalId> entity = GlobalId.decode(input.entityId())
                .filter(id -> input.entityType() == null || id.typeName().equals(input.entityType()));
        return entity.map(id -> new AuditFilter(id.typeName(), id.id(), from, to))
                .orElseGet(AuditFilter::matchingNothing);
    }
}
