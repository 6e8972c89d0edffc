package io.seatguard.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every warning Jetty logs in this test JVM, so that a test server can fail its test when Jetty failed a
 * request behind the client's back. Such a fault can leave the client with a right answer and the log
 * with a failed job and a 500 never sent: a malformed multipart body that arrived apart from its
 * headers did exactly that, and every test passed until the log was read (BadInputTest holds it).
 * A full run of the suite logs no Jetty warning at all, so any one is worth a failure.
 */
final class JettyFaults extends AppenderBase<ILoggingEvent> {
    static final JettyFaults INSTANCE = install();

    private final List<String> lines = new ArrayList<>();

    private static JettyFaults install() {
        JettyFaults appender = new JettyFaults();
        appender.setName("jetty-faults");
        appender.start();
        ((Logger) LoggerFactory.getLogger("org.eclipse.jetty")).addAppender(appender);
        return appender;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            lines.add(event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage());
        }
    }

    /** How many warnings so far: pass it to {@link #since} later. */
    synchronized int mark() {
        return lines.size();
    }

    /** The warnings logged after {@code mark}. */
    synchronized List<String> since(int mark) {
        return List.copyOf(lines.subList(mark, lines.size()));
    }
}
