package dev.diligence.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.diligence.domain.shared.paging.Cursor;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    private static final Instant AT = Instant.parse("2026-03-01T09:30:00.123456Z");

    @Test
    void itsCursorHoldsItsTimeAndIdInTheNewestFirstOrdering() {
        UUID id = UUID.randomUUID();
        AuditEvent event = new AuditEvent(id, "someone", "createFund", "Fund", UUID.randomUUID(), null, "{}", AT, null);

        assertThat(event.cursor()).isEqualTo(new Cursor("OCCURRED_AT_DESC", "2026-03-01T09:30:00.123456Z", id));
        assertThat(Instant.parse(event.cursor().sortValue())).isEqualTo(AT);
    }

    @Test
    void actorActionAndEntityTypeMustNotBeBlank() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> new AuditEvent(id, " ", "createFund", "Fund", id, null, null, AT, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("actor");
        assertThatThrownBy(() -> new AuditEvent(id, "someone", "", "Fund", id, null, null, AT, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("action");
        assertThatThrownBy(() -> new AuditEvent(id, "someone", "createFund", "", id, null, null, AT, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entityType");
    }

    @Test
    void aFilterWithAnEmptyTimeRangeMatchesNothing() {
        assertThat(AuditFilter.matchingNothing().isEmptyRange()).isTrue();
        assertThat(new AuditFilter(null, null, AT, AT.minusSeconds(1)).isEmptyRange())
                .isTrue();
        assertThat(new AuditFilter(null, null, AT, AT.plusNanos(1000)).isEmptyRange())
                .isFalse();
        assertThat(new AuditFilter(null, null, AT, null).isEmptyRange()).isFalse();
        assertThat(AuditFilter.none().isEmptyRange()).isFalse();
    }
}
