package dev.diligence.bench.assessment;

import dev.diligence.bench.copy.PgArrays;
import dev.diligence.bench.copy.TenantTables;
import dev.diligence.domain.finding.Finding;
import dev.diligence.domain.finding.FindingContent;
import dev.diligence.domain.framework.StandardReference;
import java.util.UUID;

/**
 * A finding as a row of {@code findings} (V015), as {@code FindingPersistenceAdapter.add} stores it:
 * the references as two parallel text arrays. Where the adapter takes {@code clock_timestamp()} for
 * {@code created_at} and {@code updated_at}, the row takes the opening and the last status change.
 */
final class FindingRows {

    private final TenantTables tables;
    private final UUID tenant;

    FindingRows(TenantTables tables, UUID tenant) {
        this.tables = tables;
        this.tenant = tenant;
    }

    void write(Finding f) {
        FindingContent content = f.content();
        tables.findings.add(
                tenant,
                f.id().value(),
                f.assessment().value(),
                f.criterion(),
                content.title(),
                content.description(),
                content.severity(),
                content.owner(),
                content.dueDate(),
                content.remediationPlan(),
                PgArrays.text(content.references().stream()
                        .map(r -> r.standard().name())
                        .toList()),
                PgArrays.text(content.references().stream()
                        .map(StandardReference::clause)
                        .toList()),
                f.source().kind(),
                f.source().ruleId(),
                f.status(),
                f.openedAt(),
                f.closedAt(),
                f.closingNote(),
                f.version(),
                f.openedAt(),
                f.closedAt() == null ? f.openedAt() : f.closedAt());
    }
}
