package dev.diligence.api.replica;

import dev.diligence.persistence.replica.WalPosition;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The read-your-writes state of the HTTP request the current thread serves, bound by
 * {@link ReadYourWritesFilter}: the commit position the client sent (what it has seen written), and
 * who committed a write during the request.
 */
public final class CommitPositions {

    /**
     * Response header: the primary's WAL position after the request's last committed write; request
     * header: the latest such position the client received, so its reads wait for the replica to
     * replay it. PostgreSQL's {@code pg_lsn} text, e.g. {@code 0/3000148}.
     */
    public static final String HEADER = "Diligence-Commit-Position";

    private static final ThreadLocal<CommitPositions> CURRENT = new ThreadLocal<>();

    private final Optional<WalPosition> seen;
    private final HttpServletResponse response;
    private @Nullable String writer;

    private CommitPositions(Optional<WalPosition> seen, HttpServletResponse response) {
        this.seen = seen;
        this.response = response;
    }

    /** The state of the current thread's request; empty outside a request. */
    static Optional<CommitPositions> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static CommitPositions bind(@Nullable String header, HttpServletResponse response) {
        CommitPositions positions = new CommitPositions(WalPosition.parse(header), response);
        CURRENT.set(positions);
        return positions;
    }

    static void clear() {
        CURRENT.remove();
    }

    /** The position the client has seen written; a malformed header counts as none. */
    Optional<WalPosition> seen() {
        return seen;
    }

    /**
     * A write of {@code writer} committed at {@code position}: the response says so, unless its
     * headers are already sent (a file export streams its body after its audit record committed,
     * so its response carries the position).
     */
    void committed(WalPosition position, @Nullable String writer) {
        if (!response.isCommitted()) {
            response.setHeader(HEADER, position.toString());
        }
        if (writer != null) {
            this.writer = writer;
        }
    }

    /** Who committed a write during the request; null when nobody did. */
    @Nullable
    String writer() {
        return writer;
    }
}
