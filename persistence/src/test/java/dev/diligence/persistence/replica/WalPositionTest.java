package dev.diligence.persistence.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** WAL positions read and written as PostgreSQL's {@code pg_lsn} text, in PostgreSQL's order. */
class WalPositionTest {

    @Test
    void readsAndWritesPostgresText() {
        WalPosition position = WalPosition.parse("16/b374d848").orElseThrow();

        assertThat(position.value()).isEqualTo(0x16_B374_D848L);
        assertThat(position).hasToString("16/B374D848");
    }

    @Test
    void ordersUnsignedAsPostgresDoes() {
        WalPosition low = WalPosition.parse("0/3000148").orElseThrow();
        WalPosition highest = WalPosition.parse("FFFFFFFF/FFFFFFFF").orElseThrow();

        assertThat(highest.reached(low)).isTrue();
        assertThat(low.reached(highest)).isFalse();
        assertThat(low.reached(low)).isTrue();
    }

    @Test
    void textThatIsNoPositionIsNone() {
        assertThat(WalPosition.parse(null)).isEmpty();
        assertThat(WalPosition.parse("3000148")).isEmpty();
        assertThat(WalPosition.parse("0/123456789")).isEmpty();
        assertThat(WalPosition.parse("x/1")).isEqualTo(Optional.empty());
    }
}
