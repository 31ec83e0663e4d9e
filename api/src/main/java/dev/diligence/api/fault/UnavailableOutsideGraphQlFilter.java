package dev.diligence.api.fault;

import dev.diligence.api.refusal.Refusal;
import dev.diligence.api.refusal.Refusals;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a failure to reach the database that escapes the GraphQL execution (above all while a
 * token's firm is looked up during authentication) as the GraphQL layer answers one: HTTP 503 with
 * {@code Retry-After} and a JSON body with one UNAVAILABLE error (written by {@link Refusals}),
 * instead of a 500 with Spring's default body. Runs right after {@code RequestIdFilter}, outside
 * Spring Security, so the request ID is set and every filter after it is covered. Other failures pass on unchanged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UnavailableOutsideGraphQlFilter extends OncePerRequestFilter {

    private static final Refusal UNAVAILABLE = new Refusal(
            HttpStatus.SERVICE_UNAVAILABLE.value(),
            FaultClassification.UNAVAILABLE.name(),
            UnavailableErrors.DATABASE_UNREACHABLE,
            Map.of(UnavailableErrors.RETRY_AFTER_SECONDS, UnavailableErrors.DATABASE_RETRY_AFTER_SECONDS));

    private final FailureLog failures;
    private final Refusals refusals;

    UnavailableOutsideGraphQlFilter(FailureLog failures, Refusals refusals) {
        this.failures = failures;
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failure) {
            if (!TransientFailures.isTransient(failure) || response.isCommitted()) {
                throw failure;
            }
            failures.failed(request.getMethod() + " " + request.getRequestURI(), failure);
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(UnavailableErrors.DATABASE_RETRY_AFTER_SECONDS));
            refusals.write(request, response, UNAVAILABLE);
        }
    }
}
