package dev.diligence.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    @Test
    void doublesEachWaitUpToTheMaximumAndStaysThere() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(250), Duration.ofSeconds(3));

        assertThat(Stream.generate(backoff::next).limit(7))
                .extracting(Duration::toMillis)
                .containsExactly(250L, 500L, 1000L, 2000L, 3000L, 3000L, 3000L);
    }

    @Test
    void aConnectionThatWorksStartsTheNextBackoffFromTheFirstWait() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(250), Duration.ofSeconds(10));
        backoff.next();
        backoff.next();
        backoff.next();

        backoff.reset();

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void refusesAMaximumBelowTheFirstWaitAndAZeroFirstWait() {
        assertThatThrownBy(() -> new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReconnectBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
