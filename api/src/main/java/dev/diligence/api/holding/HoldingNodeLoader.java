package dev.diligence.api.holding;

import dev.diligence.api.graphql.NodeLoader;
import dev.diligence.domain.holding.HoldingId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** {@code node(id:)} for holdings. */
@Component
class HoldingNodeLoader implements NodeLoader {

    private final HoldingService holdings;

    HoldingNodeLoader(HoldingService holdings) {
        this.holdings = holdings;
    }

    @Override
    public String typeName() {
        return HoldingView.TYPE;
    }

    @Override
    public Optional<HoldingView> load(UUID id) {
        return holdings.find(new HoldingId(id)).map(HoldingView::of);
    }
}
