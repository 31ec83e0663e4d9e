package dev.diligence.api.ops;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bounds GraphQL operation names before they become metric tags, span attributes or log fields.
 * An operation name is chosen by the client, so it is free text as far as operations are concerned:
 * kept only when it is 1 to 64 characters of {@code [A-Za-z0-9_]} starting with a letter (a GraphQL
 * name of sensible length), else {@value #OTHER}. For metrics, where every distinct value is a new
 * time series, at most {@code diligence.observability.max-operation-names} distinct names are kept
 * per process; later new names are also reported as {@value #OTHER}. A request without a name is
 * {@value #NONE}.
 */
@Component
public class OperationNames {

    /** The tag value of an operation without a name. */
    public static final String NONE = "none";

    /** The tag value of a name that is not kept. */
    public static final String OTHER = "other";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private final int maxDistinct;
    private final Set<String> admitted = ConcurrentHashMap.newKeySet();

    public OperationNames(@Value("${diligence.observability.max-operation-names:100}") int maxDistinct) {
        this.maxDistinct = maxDistinct;
    }

    /** The name as a log field: the name when safe, else {@value #OTHER} or {@value #NONE}. */
    public static String forLog(@Nullable String name) {
        if (name == null || name.isEmpty()) {
            return NONE;
        }
        return SAFE.matcher(name).matches() ? name : OTHER;
    }

    /** The name as a metric tag: as {@link #forLog}, and only while fewer than the maximum of distinct names are kept. */
    public String forMetric(@Nullable String name) {
        String safe = forLog(name);
        if (safe.equals(NONE) || safe.equals(OTHER) || admitted.contains(safe)) {
            return safe;
        }
        synchronized (admitted) {
            if (admitted.size() < maxDistinct) {
                admitted.add(safe);
                return safe;
            }
        }
        return admitted.contains(safe) ? safe : OTHER;
    }
}
