package dev.diligence.api.sync;

import dev.diligence.api.graphql.MutationOutcome;
import dev.diligence.api.sync.SyncInput.SyncDealsInput;
import dev.diligence.api.sync.SyncResults.SyncDealsPayload;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** GraphQL {@code syncDeals} (sync.graphqls). */
@Controller
class SyncController {

    private final SyncService sync;

    SyncController(SyncService sync) {
        this.sync = sync;
    }

    @MutationMapping
    SyncDealsPayload syncDeals(@Argument SyncDealsInput input) {
        return MutationOutcome.run(() -> sync.sync(input), SyncDealsPayload::refused);
    }
}
