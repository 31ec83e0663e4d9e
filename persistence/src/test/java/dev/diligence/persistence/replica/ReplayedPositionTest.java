package dev.diligence.persistence.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The polled replay position only grows, survives failed polls, and is none on a server that is no replica. */
class ReplayedPositionTest {

    private final Deque<Object> answers = new ArrayDeque<>();
    private final ReplayedPosition replayed = new ReplayedPosition(this::next, Duration.ofMillis(100));

    @Test
    void keepsTheHighestPositionPolledThroughFailures() {
        answers.add(position("0/200"));
        answers.add(position("0/100"));
        answers.add(new SQLTransientConnectionException("refused"));

        replayed.poll();
        replayed.poll();
        replayed.poll();

        assertThat(replayed.latest()).contains(position("0/200"));
    }

    @Test
    void aServerThatIsNoReplicaHasNoPosition() {
        answers.add(position("0/200"));
        answers.add(Optional.empty());

        replayed.poll();
        assertThat(replayed.latest()).isPresent();
        replayed.poll();

        assertThat(replayed.latest()).isEmpty();
    }

    @Test
    void nothingIsKnownBeforeTheFirstPoll() {
        assertThat(replayed.latest()).isEmpty();
    }

    private static WalPosition position(String text) {
        return WalPosition.parse(text).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Optional<WalPosition> next() throws SQLException {
        Object answer = answers.removeFirst();
        if (answer instanceof SQLException failure) {
            throw failure;
        }
        return answer instanceof WalPosition position ? Optional.of(position) : (Optional<WalPosition>) answer;
    }
}
