package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StorageReadinessTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(StorageReadiness.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void watch() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopWatching() {
        logger.detachAppender(logged);
    }

    /**
     * Review finding: the check's thread completed its future on a RuntimeException only. An Error (an
     * assertion, a stack overflow) left it open for good: every later /readyz waited out the budget for
     * a check that would never answer and said what the pool looked like, whatever the database did, and
     * nothing was logged. Now that check is unreachable at once, the next probe runs a new one, and the
     * Error is logged.
     */
    @Test
    void aCheckThatThrowsAnErrorIsUnreachableAndTheNextProbeChecksAgain() {
        AtomicInteger checks = new AtomicInteger();
        StorageReadiness readiness = new StorageReadiness(() -> {
            if (checks.incrementAndGet() == 1) {
                throw new AssertionError("the check went wrong");
            }
            return true;
        }, () -> true);

        long started = System.nanoTime();
        assertThat(readiness.state()).as("a failed check, not a full pool").isEqualTo(StorageReadiness.State.UNREACHABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered when the check failed, not at the budget's end")
                .isLessThan(StorageReadiness.BUDGET);
        assertThat(readiness.state()).as("the next probe runs a new check").isEqualTo(StorageReadiness.State.OK);
        assertThat(checks).hasValue(2);

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo(AssertionError.class.getName());
        });
    }
}
