package dev.diligence.api.ops;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bounds GraphQL operation names before they become metric tags, span attributes or log fields.
 * An operation name is chosen by the client, so it is free text as far as operations are concerned:
 * kept only when it is 1 to 64 characters of {@code [A-Za-z0-9_]} starting with a letter (a GraphQL
 * name of sensible length), else {@value #OTHER}. A request without a name is {@value #NONE}.
 * <p>
 * For metrics, where every distinct value is a new time series, a name is a tag only when it is on
 * the allow-list {@code diligence.observability.operation-names}, or once operations of that name
 * have succeeded (no error) {@code diligence.observability.operation-name-min-successes} times; and
 * at most {@code diligence.observability.max-operation-names} names of a process are kept that way.
 * Until then, and beyond that, the tag is {@value #OTHER}. So names that only ever fail (junk sent
 * to fill the slots, typos, probes) never become tags; the candidates counted on the way are bounded
 * too ({@value #MAX_CANDIDATES}, least recently seen dropped first).
 */
@Component
public class OperationNames {

    /** The tag value of an operation without a name. */
    public static final String NONE = "none";

    /** The tag value of a name that is not kept. */
    public static final String OTHER = "other";

    static final int MAX_CANDIDATES = 1_000;

    private static final Pattern SAFE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private final int maxDistinct;
    private final int minSuccesses;
    private final Set<String> allowed;
    private final Set<String> admitted = ConcurrentHashMap.newKeySet();
    private final Cache<String, AtomicInteger> successes =
            Caffeine.newBuilder().maximumSize(MAX_CANDIDATES).build();

    public OperationNames(
            @Value("${diligence.observability.max-operation-names:100}") int maxDistinct,
            @Value("${diligence.observability.operation-name-min-successes:3}") int minSuccesses,
            @Value("${diligence.observability.operation-names:}") Set<String> allowed) {
        this.maxDistinct = maxDistinct;
        this.minSuccesses = minSuccesses;
        this.allowed = Set.copyOf(allowed);
    }

    /** The name as a log field: the name when safe, else {@value #OTHER} or {@value #NONE}. */
    public static String forLog(@Nullable String name) {
        if (name == null || name.isEmpty()) {
            return NONE;
        }
        return SAFE.matcher(name).matches() ? name : OTHER;
    }

    /** Records that an operation of this name succeeded: a step towards its becoming a tag. */
    public void succeeded(@Nullable String name) {
        String safe = forLog(name);
        if (!safe.equals(NONE) && !safe.equals(OTHER) && !allowed.contains(safe) && !admitted.contains(safe)) {
            successes.get(safe, unused -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** The name as a metric tag: as {@link #forLog}, when allowed or admitted (see the class), else {@value #OTHER}. */
    public String forMetric(@Nullable String name) {
        String safe = forLog(name);
        if (safe.equals(NONE) || safe.equals(OTHER) || allowed.contains(safe) || admitted.contains(safe)) {
            return safe;
        }
        AtomicInteger succeeded = successes.getIfPresent(safe);
        if (succeeded == null || succeeded.get() < minSuccesses) {
            return OTHER;
        }
        synchronized (admitted) {
            if (admitted.size() < maxDistinct) {
                admitted.add(safe);
                successes.invalidate(safe);
                return safe;
            }
        }
        return admitted.contains(safe) ? safe : OTHER;
    }
}
