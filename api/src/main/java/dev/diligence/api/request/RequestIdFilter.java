package dev.diligence.api.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every HTTP request an ID: the client's {@code X-Request-Id} when well-formed, else a random
 * UUID. The ID is returned in the response header, put in the MDC and in {@link RequestIds} while
 * the request is served. Runs first of all filters, before Spring Security, so that rejected
 * (401) responses carry the ID too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    /** Request attribute holding the ID, so that an async dispatch of the same request keeps it. */
    static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = requestIdOf(request);
        request.setAttribute(ATTRIBUTE, requestId);
        response.setHeader(RequestIds.HEADER, requestId);
        RequestIds.bind(requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
            RequestIds.clear();
        }
    }

    /** Async dispatches of a request run on other threads: bind the same ID there too. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    private static String requestIdOf(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String assigned) {
            return assigned;
        }
        String sent = request.getHeader(RequestIds.HEADER);
        return RequestIds.isWellFormed(sent) ? sent : UUID.randomUUID().toString();
    }
}
