package dev.diligence.api.fund;

import dev.diligence.api.graphql.NodeLoader;
import dev.diligence.domain.fund.FundId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** {@code node(id:)} for funds. */
@Component
class FundNodeLoader implements NodeLoader {

    private final FundService funds;

    FundNodeLoader(FundService funds) {
        this.funds = funds;
    }

    @Override
    public String typeName() {
        return FundView.TYPE;
    }

    @Override
    public Optional<FundView> load(UUID id) {
        return funds.find(new FundId(id)).map(FundView::of);
    }
}
