package dev.diligence.api.limits;

import dev.diligence.api.fault.FaultClassification;
import dev.diligence.api.fault.UnavailableErrors;
import dev.diligence.api.refusal.Refusal;
import dev.diligence.api.refusal.Refusals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Admits a file export as a query is admitted, before a byte of it is written. {@link CallerGateFilter}
 * has already let the request in (the caller's budget not empty, its requests in flight within the
 * limit); here the budget pays the export's cost, one point per {@value #ROWS_PER_POINT} rows plus
 * {@value #BASE_COST} (never more than the caller's full bucket), or the export is refused with 429 and
 * {@code Retry-After}; then it takes a place among the heavy operations, as the portfolio comparisons
 * do, or is refused with 503 and {@code Retry-After}. A file row costs less than a row read through
 * GraphQL (one point each) because it is a fixed set of columns with nothing nested to resolve.
 */
@Component
public class ExportGate {

    static final long ROWS_PER_POINT = 100;
    static final long BASE_COST = 10;

    private final HeavyOperationBulkhead bulkhead;
    private final Refusals refusals;

    ExportGate(HeavyOperationBulkhead bulkhead, Refusals refusals) {
        this.bulkhead = bulkhead;
        this.refusals = refusals;
    }

    /** What the export is: it writes the whole file to the response. */
    @FunctionalInterface
    public interface Export {
        void write() throws IOException;
    }

    /** Runs {@code export} of {@code rows} rows if the caller's budget pays for it and a heavy place is free; else refuses. */
    public void run(HttpServletRequest request, HttpServletResponse response, long rows, Export export)
            throws IOException {
        if (request.getAttribute(CallerGateFilter.ALLOWANCE) instanceof CallerAllowance allowance) {
            long cost = Math.min(allowance.capacity(), BASE_COST + (rows + ROWS_PER_POINT - 1) / ROWS_PER_POINT);
            CallerAllowance.Consumption paid = allowance.tryConsume(cost);
            RateLimitHeaders.write(allowance.status(), response::setHeader);
            if (!paid.consumed()) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(paid.retryAfterSeconds()));
                refusals.write(
                        request,
                        response,
                        new Refusal(
                                HttpStatus.TOO_MANY_REQUESTS.value(),
                                LimitClassification.THROTTLED.name(),
                                "Throttled: this export of %d rows costs %d points and the caller's budget holds %d; retry in %d seconds"
                                        .formatted(rows, cost, paid.remaining(), paid.retryAfterSeconds()),
                                Map.of(UnavailableErrors.RETRY_AFTER_SECONDS, paid.retryAfterSeconds(), "cost", cost)));
                return;
            }
        }
        if (!bulkhead.tryEnter()) {
            long retryAfter = bulkhead.retryAfterSeconds();
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
            refusals.write(
                    request,
                    response,
                    new Refusal(
                            HttpStatus.SERVICE_UNAVAILABLE.value(),
                            FaultClassification.UNAVAILABLE.name(),
                            bulkhead.refusalMessage(),
                            Map.of(UnavailableErrors.RETRY_AFTER_SECONDS, retryAfter)));
            return;
        }
        try {
            export.write();
        } finally {
            bulkhead.leave();
        }
    }
}
