package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Up to a rate every line is logged; beyond it they are counted, and the count comes with the next line logged. */
class ThrottledLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger("throttled-log-under-test");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final AtomicLong nanos = new AtomicLong(7_000_000_000L);
    private ThrottledLog log;

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
        log = new ThrottledLog(logger, nanos::get);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    private List<String> lines() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void beyondTheRateLinesAreCountedAndTheCountIsLoggedWithTheNextLine() {
        for (int i = 0; i < ThrottledLog.LINES_PER_MINUTE + 45; i++) {
            log.warn("notice dropped " + i);
        }
        assertThat(lines()).hasSize(ThrottledLog.LINES_PER_MINUTE).last().isEqualTo("notice dropped " + (ThrottledLog.LINES_PER_MINUTE - 1));

        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        log.warn("a reply\r\nover two lines");
        assertThat(lines()).hasSize(ThrottledLog.LINES_PER_MINUTE + 2);
        assertThat(lines().get(ThrottledLog.LINES_PER_MINUTE)).startsWith("45 more such lines in the ");
        assertThat(lines().getLast()).isEqualTo("a reply\\u000d\\u000aover two lines");
    }
}
