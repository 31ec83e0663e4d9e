package dev.diligence.api.finding;

import dev.diligence.api.graphql.NodeLoader;
import dev.diligence.domain.finding.FindingId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** {@code node(id:)} for findings. */
@Component
class FindingNodeLoader implements NodeLoader {

    private final FindingService findings;

    FindingNodeLoader(FindingService findings) {
        this.findings = findings;
    }

    @Override
    public String typeName() {
        return FindingView.TYPE;
    }

    @Override
    public Optional<FindingView> load(UUID id) {
        return findings.find(new FindingId(id)).map(FindingView::of);
    }
}
