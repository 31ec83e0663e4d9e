package dev.diligence.api.oracle;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an answer amounts to, coarsely. The oracle checks compare whole answers; the outcome only
 * makes sure that the control answer (for a random ID) is a genuine "no such object" or "not
 * allowed", not a validation error, a fault or a throttled request that would mask a difference.
 */
enum OracleOutcome {
    /** The object field is null: no such object. */
    ABSENT,
    /** An empty list or a connection with no nodes and a total count of 0. */
    EMPTY,
    /** A payload whose only user error is NOT_FOUND on the probed input field. */
    NOT_FOUND,
    /** An answer that echoes IDs as naming nothing the caller can see: compareCompanies with a non-empty {@code missing}. */
    MISSING,
    /** Top-level errors, all classified FORBIDDEN. */
    FORBIDDEN,
    /** Refused by a rate or query limit (HTTP 429 or classification THROTTLED): the probe proves nothing. */
    THROTTLED,
    /** An object, a non-empty list, or a payload without user errors. */
    PRESENT,
    /** Anything else: other user errors, other top-level errors, no data. */
    OTHER;

    @SuppressWarnings("unchecked")
    static OracleOutcome of(OracleSlot slot, OracleHttp.Answer answer) {
        Map<String, Object> body = answer.body();
        if (answer.status() == 429) {
            return THROTTLED;
        }
        if (body == null) {
            return OTHER;
        }
        List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
        if (errors != null && !errors.isEmpty()) {
            Set<Object> classes = errors.stream()
                    .map(error ->
                            ((Map<String, Object>) error.getOrDefault("extensions", Map.of())).get("classification"))
                    .collect(Collectors.toSet());
            if (classes.contains("THROTTLED")) {
                return THROTTLED;
            }
            return classes.equals(Set.of("FORBIDDEN")) ? FORBIDDEN : OTHER;
        }
        Map<String, Object> data = (Map<String, Object>) body.get("data");
        if (data == null) {
            return OTHER;
        }
        Object value = data.get(slot.field());
        if (value == null) {
            return ABSENT;
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? EMPTY : PRESENT;
        }
        Map<String, Object> object = (Map<String, Object>) value;
        if (slot.echoesId()) {
            return ((List<?>) object.get("missing")).isEmpty() ? PRESENT : MISSING;
        }
        if (object.containsKey("userErrors")) {
            return userErrorOutcome(slot, (List<Map<String, Object>>) object.get("userErrors"));
        }
        if (object.containsKey("totalCount")) {
            boolean empty =
                    ((Number) object.get("totalCount")).longValue() == 0 && ((List<?>) object.get("edges")).isEmpty();
            return empty ? EMPTY : PRESENT;
        }
        return PRESENT;
    }

    private static OracleOutcome userErrorOutcome(OracleSlot slot, List<Map<String, Object>> userErrors) {
        if (userErrors.isEmpty()) {
            return PRESENT;
        }
        boolean notFoundOnTheProbedField = userErrors.size() == 1
                && "NOT_FOUND".equals(userErrors.get(0).get("code"))
                && Objects.equals(List.of(slot.inputField()), userErrors.get(0).get("field"));
        return notFoundOnTheProbedField ? NOT_FOUND : OTHER;
    }
}
