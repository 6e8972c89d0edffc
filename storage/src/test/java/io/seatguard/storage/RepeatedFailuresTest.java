package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

class RepeatedFailuresTest {
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final Logger logger = (Logger) LoggerFactory.getLogger("test.repeated-failures");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private RepeatedFailures failures;

    @BeforeEach
    void watch() {
        logged.start();
        logger.addAppender(logged);
        failures = new RepeatedFailures(logger, Duration.ofSeconds(30), nanos::get);
    }

    @AfterEach
    void stopWatching() {
        logger.detachAppender(logged);
    }

    @Test
    void theSameFailureIsLoggedInFullOnceThenCountedOncePerInterval() {
        SQLException full = new SQLException("database or disk is full");
        failures.failed(Level.ERROR, "Storage write failed", full);
        for (int i = 0; i < 500; i++) {
            advance(Duration.ofMillis(50));
            failures.failed(Level.ERROR, "Storage write failed", new SQLException("database or disk is full"));
        }
        assertThat(logged.list).hasSize(1);
        assertThat(logged.list.get(0).getThrowableProxy()).as("the first carries its trace").isNotNull();
        assertThat(logged.list.get(0).getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR);

        advance(Duration.ofSeconds(6));
        failures.failed(Level.ERROR, "Storage write failed", full);

        assertThat(logged.list).hasSize(2);
        ILoggingEvent summary = logged.list.get(1);
        assertThat(summary.getFormattedMessage()).startsWith("Storage write failed again: java.sql.SQLException: database or disk is full (500 more like it in the 31 s before");
        assertThat(summary.getThrowableProxy()).as("a count, not another trace").isNull();
    }

    @Test
    void anotherFailureIsLoggedInFullAtOnce() {
        failures.failed(Level.ERROR, "Storage write failed", new SQLException("database or disk is full"));
        failures.failed(Level.ERROR, "Storage write failed", new SQLException("connection refused"));
        failures.failed(Level.WARN, "Rollback failed", new SQLException("database or disk is full"));

        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("Storage write failed", "Storage write failed", "Rollback failed");
        assertThat(logged.list.get(2).getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
    }

    @Test
    void aSuccessSaysTheTroubleEndedAndTheNextFailureAnIntervalLaterIsLoggedInFullAgain() {
        failures.succeeded("Storage writes commit");
        assertThat(logged.list).as("nothing had failed").isEmpty();

        failures.failed(Level.ERROR, "Storage write failed", new SQLException("database or disk is full"));
        failures.failed(Level.ERROR, "Storage write failed", new SQLException("database or disk is full"));
        failures.succeeded("Storage writes commit");
        failures.succeeded("Storage writes commit");
        advance(Duration.ofSeconds(31));
        failures.failed(Level.ERROR, "Storage write failed", new SQLException("database or disk is full"));

        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("Storage write failed", "Storage writes commit again, after 2 failures", "Storage write failed");
        assertThat(logged.list.get(2).getThrowableProxy()).isNotNull();
    }

    /** Review: on a full disk the writer alternated "commit again" and "write failed" 14 times in 0.7 s. */
    @Test
    void failuresAndSuccessesAlternatingLogAFewLinesAnInterval() {
        for (int i = 0; i < 100; i++) {
            failures.failed(Level.ERROR, "Storage write failed", new SQLException("database or disk is full"));
            advance(Duration.ofMillis(25));
            failures.succeeded("Storage writes commit");
            advance(Duration.ofMillis(25));
        }
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("Storage write failed", "Storage writes commit again, after 1 failure");

        advance(Duration.ofSeconds(30));
        failures.failed(Level.ERROR, "Storage write failed", new SQLException("database or disk is full"));
        failures.succeeded("Storage writes commit");
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(4)
                .last().asString().isEqualTo("Storage writes commit again, after 100 failures");
    }

    @Test
    void aLineWithoutTraceIsCountedByWhatItSaysWhateverItsDetail() {
        failures.failed(Level.WARN, "POST /v3/evaluate answered 503 storage_unavailable", " (timed out after 5001 ms)");
        for (int i = 0; i < 1_000; i++) {
            advance(Duration.ofMillis(10));
            failures.failed(Level.WARN, "POST /v3/evaluate answered 503 storage_unavailable", " (timed out after " + (5000 + i) + " ms)");
        }
        failures.failed(Level.WARN, "GET /readyz answered 503 storage_unavailable", "");
        advance(Duration.ofSeconds(21));
        failures.failed(Level.WARN, "POST /v3/evaluate answered 503 storage_unavailable", " (timed out after 5002 ms)");

        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "POST /v3/evaluate answered 503 storage_unavailable (timed out after 5001 ms)",
                "GET /readyz answered 503 storage_unavailable",
                "POST /v3/evaluate answered 503 storage_unavailable again (timed out after 5002 ms) (1000 more like it in the 31 s before, not logged one by one)");
        assertThat(logged.list).allSatisfy(line -> {
            assertThat(line.getThrowableProxy()).isNull();
            assertThat(line.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
        });
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
