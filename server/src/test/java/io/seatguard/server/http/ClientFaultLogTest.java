package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Client errors are logged one by one up to a rate, then counted by route and problem, never lost from the count. */
class ClientFaultLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger("client-faults-under-test");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private ClientFaultLog faults;

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
        faults = new ClientFaultLog(logger, nanos::get);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    @Test
    void everyFaultIsLoggedAsOneLineWhileTheyAreFew() {
        for (int i = 0; i < ClientFaultLog.LINES_PER_SECOND - 1; i++) {
            faults.answered("POST /v3/evaluate", "POST", "/v3/evaluate", 400, "invalid_input", "user: is required");
        }
        faults.answered("GET /v3/users/{user}", "GET", "/v3/users/a\nb", 404, "not_found", "user a\nb was\rnot found");

        assertThat(lines()).hasSize(ClientFaultLog.LINES_PER_SECOND).first().isEqualTo("POST /v3/evaluate answered 400 invalid_input: user: is required");
        assertThat(lines().getLast()).doesNotContain("\n", "\r").startsWith("GET /v3/users/a").contains("answered 404 not_found: user a");
    }

    @Test
    void beyondTheRateFaultsAreCountedByRouteAndProblemAndTheCountIsLoggedWithTheNextLine() {
        for (int i = 0; i < ClientFaultLog.LINES_PER_SECOND + 30; i++) {
            faults.answered("POST /v3/evaluate", "POST", "/v3/evaluate", 400, "invalid_input", "user: is required");
        }
        for (int i = 0; i < 5; i++) {
            faults.answered("GET (no route)", "GET", "/wp-login.php" + i, 404, "not_found", "route GET /wp-login.php" + i);
        }
        nanos.addAndGet(300_000_000L);
        faults.answered("GET (no route)", "GET", "/x", 404, "not_found", "route GET /x");
        assertThat(lines()).as("the second is not over").hasSize(ClientFaultLog.LINES_PER_SECOND);

        nanos.addAndGet(1_500_000_000L);
        MDC.put(RequestIds.NAME, "req-7");
        try {
            faults.answered("POST /v3/apps", "POST", "/v3/apps", 401, "missing_credentials", "send the admin token");
        }
        finally {
            MDC.remove(RequestIds.NAME);
        }
        List<ILoggingEvent> events = appender.list;
        assertThat(events.get(events.size() - 2).getMDCPropertyMap()).as("the count is about many requests, not this one").doesNotContainKey(RequestIds.NAME);
        assertThat(events.getLast().getMDCPropertyMap()).containsEntry(RequestIds.NAME, "req-7");
        List<String> lines = lines();
        assertThat(lines).hasSize(ClientFaultLog.LINES_PER_SECOND + 2);
        assertThat(lines.get(lines.size() - 2)).isEqualTo("36 more client errors in the 2 s before were not logged one by one (over "
                + ClientFaultLog.LINES_PER_SECOND + " a second): GET (no route) 404 not_found ×6, POST /v3/evaluate 400 invalid_input ×30");
        assertThat(lines.getLast()).isEqualTo("POST /v3/apps answered 401 missing_credentials: send the admin token");

        nanos.addAndGet(1_000_000_000L);
        faults.answered("POST /v3/apps", "POST", "/v3/apps", 401, "missing_credentials", "send the admin token");
        assertThat(lines()).as("counted once, then forgotten").hasSize(ClientFaultLog.LINES_PER_SECOND + 3);
    }

    @Test
    void theKindsCountedAreBounded() {
        for (int i = 0; i < ClientFaultLog.LINES_PER_SECOND; i++) {
            faults.answered("POST /v3/evaluate", "POST", "/v3/evaluate", 400, "invalid_input", "user: is required");
        }
        for (int i = 0; i < 1_000; i++) {
            faults.answered("GET /route" + i, "GET", "/route" + i, 404, "not_found", "no");
        }
        nanos.addAndGet(1_000_000_000L);
        faults.answered("POST /v3/apps", "POST", "/v3/apps", 401, "missing_credentials", "send the admin token");
        String summary = lines().get(lines().size() - 2);
        assertThat(summary).startsWith("1000 more client errors").contains("other ×744");
        assertThat(summary.split(", ")).hasSize(257);
    }

    private List<String> lines() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
