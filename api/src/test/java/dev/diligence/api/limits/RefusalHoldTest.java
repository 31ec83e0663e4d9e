package dev.diligence.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mock.web.MockHttpServletRequest;

class RefusalHoldTest {

    private final ScheduledExecutorService scheduler = mock(ScheduledExecutorService.class);
    private final AtomicInteger written = new AtomicInteger();

    @Test
    void anAnswerIsWrittenOnlyWhenItsHoldIsOverAndNeverAfterItsRetryAfter() {
        RefusalHold hold = new RefusalHold(scheduler, 1_000);
        MockHttpServletRequest request = asyncRequest();

        assertThat(hold.answerLater(request, 30, written::incrementAndGet)).isTrue();
        ArgumentCaptor<Runnable> task = ArgumentCaptor.forClass(Runnable.class);
        verify(scheduler).schedule(task.capture(), eq(1_000L), eq(TimeUnit.MILLISECONDS));
        assertThat(request.isAsyncStarted()).isTrue();
        assertThat(written).hasValue(0);

        task.getValue().run();
        assertThat(written).hasValue(1);
        assertThat(request.isAsyncStarted()).as("completed").isFalse();
    }

    @Test
    void aHoldIsNoLongerThanTheRetryAfter() {
        RefusalHold hold = new RefusalHold(scheduler, 5_000);
        hold.answerLater(asyncRequest(), 2, written::incrementAndGet);
        verify(scheduler).schedule(any(Runnable.class), eq(2_000L), eq(TimeUnit.MILLISECONDS));
    }

    @Test
    void withoutAHoldOrBeyondTheMostHeldTheAnswerIsLeftToTheCaller() {
        assertThat(new RefusalHold(scheduler, 0).answerLater(asyncRequest(), 30, written::incrementAndGet))
                .isFalse();
        RefusalHold hold = new RefusalHold(scheduler, 1_000);
        for (int i = 0; i < RefusalHold.MOST_HELD; i++) {
            assertThat(hold.answerLater(asyncRequest(), 30, written::incrementAndGet))
                    .isTrue();
        }
        MockHttpServletRequest oneTooMany = asyncRequest();
        assertThat(hold.answerLater(oneTooMany, 30, written::incrementAndGet)).isFalse();
        assertThat(oneTooMany.isAsyncStarted()).isFalse();
        assertThat(written).hasValue(0);
    }

    @Test
    void aHeldPlaceComesBackEvenWhenTheClientIsGone() {
        RefusalHold hold = new RefusalHold(scheduler, 1_000);
        ArgumentCaptor<Runnable> task = ArgumentCaptor.forClass(Runnable.class);
        for (int i = 0; i < RefusalHold.MOST_HELD; i++) {
            hold.answerLater(asyncRequest(), 30, () -> {
                throw new IOException("broken pipe");
            });
        }
        verify(scheduler, times(RefusalHold.MOST_HELD)).schedule(task.capture(), anyLong(), eq(TimeUnit.MILLISECONDS));
        task.getAllValues().forEach(Runnable::run);
        assertThat(hold.answerLater(asyncRequest(), 30, written::incrementAndGet))
                .isTrue();
    }

    @Test
    void aRequestThatCannotGoAsynchronousIsAnsweredAtOnce() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAsyncSupported(false);
        assertThat(new RefusalHold(scheduler, 1_000).answerLater(request, 30, written::incrementAndGet))
                .isFalse();
        verify(scheduler, never()).schedule(any(Runnable.class), anyLong(), any());
    }

    private static MockHttpServletRequest asyncRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAsyncSupported(true);
        return request;
    }
}
