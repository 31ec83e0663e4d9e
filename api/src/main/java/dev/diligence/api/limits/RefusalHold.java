package dev.diligence.api.limits;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Holds back the answers to a caller refused for its budget, for {@code diligence.limits.rate.refusal-hold}
 * at most and never past the answer's {@code Retry-After}, without holding a thread: the request goes
 * asynchronous and a scheduler writes the answer when the time is up. A client that floods instead of
 * waiting is so slowed to one answer per connection per hold, and its flood costs the server next to
 * nothing; a client that honours {@code Retry-After} loses nothing. At most {@value #MOST_HELD}
 * answers are held at once; beyond that they are given at once.
 */
final class RefusalHold {

    static final int MOST_HELD = 2_000;

    private final ScheduledExecutorService scheduler;
    private final long holdMillis;
    private final Semaphore places = new Semaphore(MOST_HELD);

    RefusalHold(ScheduledExecutorService scheduler, long holdMillis) {
        this.scheduler = scheduler;
        this.holdMillis = holdMillis;
    }

    /**
     * Writes the answer with {@code answer} after the hold, asynchronously, and returns true; or
     * returns false, having done nothing, when answers are not held or too many are.
     */
    boolean answerLater(HttpServletRequest request, long retryAfterSeconds, Answer answer) {
        long delay = Math.min(holdMillis, TimeUnit.SECONDS.toMillis(retryAfterSeconds));
        if (delay <= 0 || !request.isAsyncSupported() || !places.tryAcquire()) {
            return false;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(delay + TimeUnit.SECONDS.toMillis(5));
        scheduler.schedule(
                () -> {
                    try {
                        answer.write();
                    } catch (Exception ignored) {
                        // the client is gone: nothing left to tell it
                    } finally {
                        places.release();
                        async.complete();
                    }
                },
                delay,
                TimeUnit.MILLISECONDS);
        return true;
    }

    /** Writes a refusal to the response. */
    @FunctionalInterface
    interface Answer {
        void write() throws Exception;
    }
}
