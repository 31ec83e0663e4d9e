package dev.diligence.persistence.assessment;

import dev.diligence.domain.scoring.ScoringResult;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The scoring results of published assessments, computed once per process. A publication's inputs
 * are frozen and framework versions are immutable, so the result of a published assessment never
 * changes: rescoring it on every read (50 times for a fund dashboard page) only spent CPU, about a
 * tenth of the API's samples in the benchmark's Q1. Keys carry the tenant as well as the
 * assessment, and a result is only ever looked up after its row was read under the tenant's
 * row-level security. Bounded: past {@value #MAX_ENTRIES} entries it starts over.
 */
final class PublishedScores {

    static final int MAX_ENTRIES = 10_000;

    private record Key(UUID tenant, UUID assessment) {}

    private final Map<Key, ScoringResult> results = new ConcurrentHashMap<>();

    ScoringResult of(UUID tenant, UUID assessment, Supplier<ScoringResult> score) {
        Key key = new Key(tenant, assessment);
        ScoringResult known = results.get(key);
        if (known != null) {
            return known;
        }
        if (results.size() >= MAX_ENTRIES) {
            results.clear();
        }
        ScoringResult computed = score.get();
        results.putIfAbsent(key, computed);
        return computed;
    }
}
