package dev.diligence.api.sync;

import dev.diligence.domain.company.ExternalReference;
import dev.diligence.domain.shared.Violation;
import dev.diligence.domain.shared.ViolationCode;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one sync request while its items are applied: the source, the time, what its
 * external IDs name ({@link SyncKnown}: known before the call or created in it, so that holdings can
 * name them), and the external IDs seen per kind (an external ID given twice in one call fails the
 * second time).
 */
final class SyncRun {

    private final String source;
    private final Instant now;
    private final Year year;
    private final SyncKnown known;
    private final Map<String, Set<String>> seen = new HashMap<>();

    SyncRun(String source, Instant now, Year year, SyncKnown known) {
        this.source = source;
        this.now = now;
        this.year = year;
        this.known = known;
    }

    String source() {
        return source;
    }

    Instant now() {
        return now;
    }

    Year year() {
        return year;
    }

    SyncKnown known() {
        return known;
    }

    /**
     * The violations of an item's own external ID: the rules of {@link ExternalReference} (1 to 200
     * characters, not blank), and given at most once per kind in a call.
     */
    List<Violation> checkExternalId(String kind, String externalId) {
        List<Violation> out = new ArrayList<>();
        new ExternalReference(source, externalId).check(List.of(), out);
        if (out.isEmpty() && !seen.computeIfAbsent(kind, k -> new HashSet<>()).add(externalId)) {
            out.add(Violation.of(
                    "externalId",
                    ViolationCode.ALREADY_EXISTS,
                    "this externalId is given more than once in this call"));
        }
        return out;
    }
}
