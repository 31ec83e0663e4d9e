package dev.diligence.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The answer to an authenticated request that the filter chain refuses. Its one such rule is that a
 * GraphQL request needs a token with at least one role of this API ({@link Role}), so the answer
 * names that problem: HTTP 403 with one GraphQL error classified FORBIDDEN, under
 * {@code application/graphql-response+json}, given before any resolver runs. It never lists the
 * roles there are. A refused caller is no server failure: nothing is logged.
 */
final class NoKnownRoleAccessDeniedHandler implements AccessDeniedHandler {

    static final String MEDIA_TYPE = "application/graphql-response+json";
    static final String MESSAGE = "The token carries no role of this API";

    private static final byte[] BODY = ("{\"errors\":[{\"message\":\"" + MESSAGE + "\",\"extensions\":{\"classification\":\""
            + ErrorType.FORBIDDEN + "\"}}]}").getBytes(StandardCharsets.UTF_8);

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MEDIA_TYPE);
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
