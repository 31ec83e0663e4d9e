package dev.diligence.api.limits;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one part of a response that differs between two otherwise identical requests:
 * {@code extensions.cost.throttleStatus.currentlyAvailable}, the caller's rate-limit budget after
 * the request, which every request and the passing time change. Tests that compare whole responses
 * (no existence oracle) compare them without it; the costs themselves, which would show a
 * difference in what a request touched, stay compared.
 */
public final class CallerBudget {

    private CallerBudget() {}

    /** A copy of {@code response} (a response map, as {@code toMap()} gives it) without the caller's current budget. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> withoutCurrentBudget(Map<String, Object> response) {
        Map<String, Object> copy = new LinkedHashMap<>(response);
        if (copy.get("extensions") instanceof Map<?, ?> extensions
                && extensions.get("cost") instanceof Map<?, ?> cost
                && cost.get("throttleStatus") instanceof Map<?, ?> status) {
            Map<String, Object> statusCopy = new LinkedHashMap<>((Map<String, Object>) status);
            statusCopy.remove("currentlyAvailable");
            Map<String, Object> costCopy = new LinkedHashMap<>((Map<String, Object>) cost);
            costCopy.put("throttleStatus", statusCopy);
            Map<String, Object> extensionsCopy = new LinkedHashMap<>((Map<String, Object>) extensions);
            extensionsCopy.put("cost", costCopy);
            copy.put("extensions", extensionsCopy);
        }
        return copy;
    }
}
