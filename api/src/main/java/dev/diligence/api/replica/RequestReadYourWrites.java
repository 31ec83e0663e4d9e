package dev.diligence.api.replica;

import dev.diligence.api.security.CurrentCaller;
import dev.diligence.persistence.replica.ReadYourWrites;
import dev.diligence.persistence.replica.ReplicaConfigured;
import dev.diligence.persistence.replica.WalPosition;
import java.util.Optional;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The read-your-writes rule per HTTP request. A replica-eligible read of a request goes to the
 * replica only when
 * <ul>
 * <li>the replica has replayed the commit position the client sent ({@link CommitPositions#HEADER}),
 * which every response of a request that committed a write carries, and</li>
 * <li>the caller has not written through this process lately ({@link RecentWriters}), for clients
 * that ignore the header.</li>
 * </ul>
 * So a client that sends back the latest position it received reads its own writes, whichever
 * instance served them. Reads outside any request have no rule.
 */
@Component
@Conditional(ReplicaConfigured.class)
class RequestReadYourWrites implements ReadYourWrites {

    private final RecentWriters writers;

    RequestReadYourWrites(RecentWriters writers) {
        this.writers = writers;
    }

    @Override
    public boolean replicaMayServe(WalPosition replayed) {
        Optional<WalPosition> seen = CommitPositions.current().flatMap(CommitPositions::seen);
        if (seen.isPresent() && !replayed.reached(seen.get())) {
            return false;
        }
        return CurrentCaller.find()
                .map(RecentWriters::keyOf)
                .map(writer -> !writers.wroteRecently(writer))
                .orElse(true);
    }

    @Override
    public boolean wantsCommitPositions() {
        return CommitPositions.current().isPresent();
    }

    @Override
    public void committed(WalPosition position) {
        CommitPositions.current()
                .ifPresent(request -> request.committed(
                        position, CurrentCaller.find().map(RecentWriters::keyOf).orElse(null)));
    }
}
