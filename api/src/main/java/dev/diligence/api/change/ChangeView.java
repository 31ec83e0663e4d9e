package dev.diligence.api.change;

import dev.diligence.api.assessment.AssessmentView;
import dev.diligence.api.company.CompanyView;
import dev.diligence.api.finding.FindingView;
import dev.diligence.api.fund.FundView;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.api.holding.HoldingView;
import dev.diligence.domain.change.Change;
import dev.diligence.domain.change.ChangeOperation;
import dev.diligence.domain.change.ChangedEntity;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * GraphQL {@code Change}. {@code node} is resolved in batches by {@link ChangeFeedController}; the
 * position makes two changes of one object distinct keys.
 */
record ChangeView(
        long position,
        ChangedEntity entityType,
        String id,
        UUID entityId,
        ChangeOperation operation,
        OffsetDateTime occurredAt) {

    static ChangeView of(Change change) {
        return new ChangeView(
                change.position(),
                change.entity(),
                GlobalId.encode(typeName(change.entity()), change.entityId()),
                change.entityId(),
                change.operation(),
                change.occurredAt().atOffset(ZoneOffset.UTC));
    }

    /** The GraphQL type of the changed object, as in its global ID. */
    static String typeName(ChangedEntity entity) {
        return switch (entity) {
            case FUND -> FundView.TYPE;
            case COMPANY -> CompanyView.TYPE;
            case HOLDING -> HoldingView.TYPE;
            case ASSESSMENT -> AssessmentView.TYPE;
            case FINDING -> FindingView.TYPE;
        };
    }
}
