package dev.diligence.api.limits;

import dev.diligence.api.fault.UnavailableErrors;
import dev.diligence.api.refusal.Refusal;
import dev.diligence.api.refusal.Refusals;
import dev.diligence.api.security.CallerAuthentication;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing an authenticated GraphQL request meets: its caller's {@link CallerAllowance}
 * admits it, or it is refused with HTTP 429, {@code Retry-After} and one THROTTLED error, before its
 * body is read, parsed, validated or costed. A caller is refused while a request of theirs was
 * throttled and its bucket cannot pay for it yet, while their bucket is empty, and while
 * {@code diligence.limits.rate.max-in-flight} of their requests execute. So a caller flooding while
 * throttled costs the server one token check and one small answer per request, not a parse; and
 * the answers to a caller refused for its budget are held back ({@link RefusalHold}), so that a
 * flood's rate falls to one request per connection per hold.
 * <p>
 * Runs after Spring Security (it needs the caller) and hands the allowance on as a request
 * attribute to {@link RateLimitInterceptor}. An admitted request leaves its place in flight when its
 * response is complete: at the end of this filter, or of the asynchronous dispatch that answers it.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 5)
class CallerGateFilter extends OncePerRequestFilter {

    /** The request attribute holding the admitted request's {@link CallerAllowance}. */
    static final String ALLOWANCE = CallerAllowance.class.getName();

    /** The file exports, gated like the GraphQL path and charged by {@link ExportGate}. */
    static final String EXPORTS = "/exports/";

    private final RateLimiter rateLimiter;
    private final String graphQlPath;
    private final Refusals refusals;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "refusal-hold");
        thread.setDaemon(true);
        return thread;
    });
    private final RefusalHold hold;

    CallerGateFilter(
            RateLimiter rateLimiter,
            LimitsProperties limits,
            @Value("${spring.graphql.http.path:/graphql}") String graphQlPath,
            Refusals refusals) {
        this.rateLimiter = rateLimiter;
        this.graphQlPath = graphQlPath;
        this.refusals = refusals;
        this.hold = new RefusalHold(scheduler, limits.rate().refusalHold().toMillis());
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !rateLimiter.enabled()
                || !(graphQlPath.equals(path) || path.startsWith(EXPORTS))
                || "OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof CallerAuthentication caller)) {
            chain.doFilter(request, response);
            return;
        }
        CallerAllowance allowance = rateLimiter.allowanceOf(caller.caller());
        var refusal = allowance.enter(rateLimiter.maxInFlight());
        if (refusal.isPresent()) {
            CallerAllowance.Refusal refused = refusal.get();
            boolean held = refused.reason() == CallerAllowance.Refusal.Reason.THROTTLED
                    && hold.answerLater(request, refused.retryAfterSeconds(), () -> refuse(request, response, refused));
            if (!held) {
                refuse(request, response, refused);
            }
            return;
        }
        request.setAttribute(ALLOWANCE, allowance);
        AtomicBoolean left = new AtomicBoolean();
        Runnable leave = () -> {
            if (left.compareAndSet(false, true)) {
                allowance.leave();
            }
        };
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new LeaveWhenDone(leave));
            } else {
                leave.run();
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, CallerAllowance.Refusal refusal)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refusal.retryAfterSeconds()));
        RateLimitHeaders.write(refusal.status(), response::setHeader);
        refusals.write(request, response, asRefusal(refusal));
    }

    /** A THROTTLED error saying why and when to come back, beside the caller's budget as every response carries it. */
    private Refusal asRefusal(CallerAllowance.Refusal refusal) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        String message;
        if (refusal.reason() == CallerAllowance.Refusal.Reason.IN_FLIGHT) {
            extensions.put("limit", rateLimiter.maxInFlight());
            message =
                    "Throttled: %d requests of this caller are executing, the most allowed at once; retry in %d seconds"
                            .formatted(rateLimiter.maxInFlight(), refusal.retryAfterSeconds());
        } else {
            message = "Throttled: this caller's budget cannot pay for its requests yet; retry in %d seconds"
                    .formatted(refusal.retryAfterSeconds());
        }
        extensions.put(UnavailableErrors.RETRY_AFTER_SECONDS, refusal.retryAfterSeconds());
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("requestedQueryCost", null);
        cost.put("actualQueryCost", null);
        cost.put("throttleStatus", refusal.status().toMap());
        return new Refusal(
                HttpStatus.TOO_MANY_REQUESTS.value(),
                LimitClassification.THROTTLED.name(),
                message,
                extensions,
                Map.of("cost", cost));
    }

    /** Gives the place in flight back when the asynchronous answer ends, however it ends. */
    private record LeaveWhenDone(Runnable leave) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            leave.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            leave.run();
        }

        @Override
        public void onError(AsyncEvent event) {
            leave.run();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
