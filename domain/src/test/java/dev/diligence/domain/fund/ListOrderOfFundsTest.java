package dev.diligence.domain.fund;

import static dev.diligence.domain.fund.FundProfiles.aProfile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.diligence.domain.shared.paging.Cursor;
import dev.diligence.domain.shared.paging.ListOrder;
import dev.diligence.domain.shared.paging.ListOrder.SortKey;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ListOrderOfFundsTest {

    private static final UUID ID = UUID.fromString("0b6f3c2e-8a1d-4e5f-9c7b-2d4a6e8f0a1c");
    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.123456Z");
    private static final Instant UPDATED = Instant.parse("2026-05-06T07:08:09Z");
    private static final Fund FUND = new Fund(
            new FundId(ID), aProfile().withName("Alpha Growth Fund I").build(), FundStatus.ACTIVE, 2, CREATED, UPDATED);

    @ParameterizedTest
    @EnumSource(ListOrder.class)
    void isFoundByItsKeyAndDirection(ListOrder order) {
        assertThat(ListOrder.of(order.key(), order.ascending())).isSameAs(order);
    }

    @ParameterizedTest
    @EnumSource(SortKey.class)
    void offersBothDirectionsForEveryKey(SortKey key) {
        ListOrder ascending = ListOrder.of(key, true);
        ListOrder descending = ListOrder.of(key, false);

        assertThat(ascending.key()).isEqualTo(key);
        assertThat(ascending.ascending()).isTrue();
        assertThat(descending.key()).isEqualTo(key);
        assertThat(descending.ascending()).isFalse();
    }

    @Test
    void nameCursorHoldsTheName() {
        assertThat(ListOrder.NAME_ASC.cursorOf(FUND)).isEqualTo(new Cursor("NAME_ASC", "Alpha Growth Fund I", ID));
    }

    @Test
    void createdAtCursorHoldsTheCreationTimeInIso8601() {
        assertThat(ListOrder.CREATED_AT_DESC.cursorOf(FUND))
                .isEqualTo(new Cursor("CREATED_AT_DESC", "2026-01-02T03:04:05.123456Z", ID));
    }

    @Test
    void updatedAtCursorHoldsTheUpdateTimeInIso8601() {
        assertThat(ListOrder.UPDATED_AT_ASC.cursorOf(FUND))
                .isEqualTo(new Cursor("UPDATED_AT_ASC", "2026-05-06T07:08:09Z", ID));
    }

    @ParameterizedTest
    @EnumSource(ListOrder.class)
    void cursorNamesTheOrderingItWasMadeFor(ListOrder order) {
        Cursor cursor = order.cursorOf(FUND);

        assertThat(cursor.ordering()).isEqualTo(order.name());
        assertThat(cursor.id()).isEqualTo(ID);
    }
}
