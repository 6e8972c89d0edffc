package io.seatguard.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
}
