package io.seatguard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.seatguard.server.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A path no route has, on a page a browser opens (the dashboard, a challenge page), is one refusal: one
 * page, and one INFO line in the log with one count among the client faults. Javalin's 404 was answered
 * by its exception handler and then again by the 404 error handler, so each such request was logged twice
 * ({@code no_route}, then {@code not_found}), and a scan of the dashboard's paths filled the 20 lines a
 * second with half as many requests.
 */
class BrowserPathRefusalsLoggedOnceTest {
    @Test
    void aBrowserPathNoRouteHasIsLoggedOnce(@TempDir Path dataDir) throws Exception {
        Logger problems = (Logger) LoggerFactory.getLogger(Problems.class);
        Level before = problems.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        problems.addAppender(appender);
        problems.setLevel(Level.INFO);
        try (TestServer server = TestServer.start(TestServer.Store.SQLITE, dataDir)) {
            for (String path : List.of("/dashboard/nowhere/at-all", "/challenge/ch_x/nowhere", "/v3/nowhere")) {
                appender.list.clear();
                TestServer.Response answer = server.get(path, Map.of());
                assertThat(answer.status()).as(path).isEqualTo(404);
                // Only the lines about this request: the log's summary of client faults held back earlier (by other
                // tests of this JVM, "5 more client errors … were not logged") may come out with it.
                List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).filter(line -> line.contains(path)).toList();
                assertThat(lines).as(path).hasSize(1);
                assertThat(lines.getFirst()).startsWith("GET " + path + " answered 404 no_route");
            }
        }
        finally {
            problems.setLevel(before);
            problems.detachAppender(appender);
        }
    }
}
