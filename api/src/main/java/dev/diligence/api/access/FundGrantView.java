package dev.diligence.api.access;

import dev.diligence.api.fund.FundView;
import dev.diligence.api.graphql.GlobalId;
import dev.diligence.domain.access.FundGrant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** GraphQL {@code FundAccessGrant}; {@code fund} and {@code person} are resolved from the ids kept here. */
public record FundGrantView(String id, String fundId, String subject, String grantedBy, OffsetDateTime grantedAt) {

    static FundGrantView of(FundGrant grant) {
        return new FundGrantView(
                GlobalId.encode(FundAccessService.TYPE, grant.id()),
                GlobalId.encode(FundView.TYPE, grant.fund().value()),
                grant.subject(),
                grant.grantedBy(),
                grant.grantedAt().atOffset(ZoneOffset.UTC));
    }
}
