package dev.diligence.domain.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PersonTest {

    @Test
    void aPersonNeedsASubject() {
        assertThatThrownBy(() -> new Person("  ", "Grace Hopper", null, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subject");
    }

    @Test
    void anEmailIsOptional() {
        assertThat(new Person("s-1", "Grace Hopper", null, Instant.EPOCH).email())
                .isNull();
    }
}
