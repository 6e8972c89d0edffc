package io.seatguard.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IntelRefresherTest {
    /** The server's start leaves URL lists to the refresher's first run, so that run must not wait an interval. */
    @Test
    void theFirstRefreshRunsAtOnce() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        try (IntelRefresher refresher = new IntelRefresher(ran::countDown, Duration.ofHours(1))) {
            assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    /**
     * Review finding: an Error (an OutOfMemoryError from a huge list) escaped the task, and a scheduled
     * executor then silently cancels every later run.
     */
    @Test
    void anErrorInOneRefreshKeepsTheSchedule() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch later = new CountDownLatch(2);
        Runnable refresh = () -> {
            if (runs.incrementAndGet() == 1) {
                throw new OutOfMemoryError("Java heap space (test)");
            }
            later.countDown();
        };
        try (IntelRefresher refresher = new IntelRefresher(refresh, Duration.ofMillis(20))) {
            assertThat(later.await(5, TimeUnit.SECONDS)).as("runs after the failed one").isTrue();
        }
    }
}
