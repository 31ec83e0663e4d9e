package dev.diligence.api.ops;

import dev.diligence.api.request.LogContext;
import dev.diligence.api.security.CallerAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the authenticated caller's tenant key and subject in the MDC. Runs after Spring Security's
 * filter chain (which has order -100), where the caller is known; clears the caller's keys (and the
 * operation name {@link OperationLogInstrumentation} adds) when the request is done.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class CallerLogContextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication authenticated) {
            LogContext.putCaller(
                    authenticated.caller().subject(),
                    authenticated.caller().tenantKey().orElse(null));
        }
        try {
            chain.doFilter(request, response);
        } finally {
            LogContext.clear();
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
