package dev.diligence.api.security;

import dev.diligence.api.refusal.Refusal;
import dev.diligence.api.refusal.Refusals;
import dev.diligence.api.request.LogContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The answer to an authenticated request that the filter chain refuses. Its one such rule is that a
 * GraphQL request needs a token with at least one role of this API ({@link Role}), so the answer
 * names that problem: HTTP 403 with one GraphQL error classified FORBIDDEN, under
 * {@code application/graphql-response+json} ({@link Refusals}), given before any resolver runs. It
 * never lists the roles there are. A refused caller is no server failure: it is one INFO line, not
 * a failure of {@code FailureLog}, with the caller's tenant and subject (the request is refused
 * before {@code CallerLogContextFilter} would put them in the MDC).
 */
final class NoKnownRoleAccessDeniedHandler implements AccessDeniedHandler {

    static final String MESSAGE = "The token carries no role of this API";

    private static final Logger log = LoggerFactory.getLogger(NoKnownRoleAccessDeniedHandler.class);
    private static final Refusal NO_KNOWN_ROLE =
            new Refusal(HttpStatus.FORBIDDEN.value(), ErrorType.FORBIDDEN.name(), MESSAGE, Map.of());

    private final Refusals refusals;

    NoKnownRoleAccessDeniedHandler(Refusals refusals) {
        this.refusals = refusals;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication authenticated) {
            LogContext.putCaller(
                    authenticated.caller().subject(),
                    authenticated.caller().tenantKey().orElse(null));
        }
        try {
            log.info("Refused 403: no role of this API");
        } finally {
            LogContext.clear();
        }
        refusals.write(request, response, NO_KNOWN_ROLE);
    }
}
