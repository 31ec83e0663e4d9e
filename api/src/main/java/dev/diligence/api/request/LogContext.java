package dev.diligence.api.request;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The MDC keys a request's log lines carry besides {@code requestId} (set by the request ID
 * filter). Never tokens, names or email addresses: only the tenant key, the token's subject and
 * the bounded GraphQL operation name.
 */
public final class LogContext {

    /** The caller's tenant key (absent for platform administrators acting outside a tenant). */
    public static final String TENANT = "tenant";

    /** The token's {@code sub}: an opaque user or client ID of the issuer. */
    public static final String SUBJECT = "subject";

    /** The GraphQL operation name, bounded (see {@code dev.diligence.api.ops.OperationNames#forLog}). */
    public static final String OPERATION = "graphqlOperation";

    private static final List<String> KEYS = List.of(TENANT, SUBJECT, OPERATION);

    private LogContext() {}

    /** Puts the caller's subject and tenant key (null for none) in the MDC. */
    public static void putCaller(String subject, @Nullable String tenantKey) {
        MDC.put(SUBJECT, subject);
        if (tenantKey != null) {
            MDC.put(TENANT, tenantKey);
        }
    }

    /** Removes every key of this class from the MDC. */
    public static void clear() {
        KEYS.forEach(MDC::remove);
    }
}
