package io.seatguard.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Javalin logs "ERROR io.javalin.Javalin - Failed to start Javalin" before it throws whatever stopped its
 * start. When the port is taken, serve's own line follows at once and says it all, naming the port and
 * --port; the ERROR line above it read as a second, unexplained failure (found in review). What Javalin's
 * logger says during the start is held, and passed on unless the failure is one {@code saidInFull} names.
 */
final class JavalinStartFailureLine {
    static final String LOGGER = "io.javalin.Javalin";

    private JavalinStartFailureLine() {}

    /**
     * One start at a time: Javalin's logger is one for the JVM, and two starts holding it at once would
     * each restore the other's setting, leaving it cut off from the log for good (two servers in one JVM
     * are tests' doing; a start takes well under a second).
     */
    static synchronized <T> T heldDuring(Supplier<T> start, Predicate<RuntimeException> saidInFull) {
        if (!(LoggerFactory.getLogger(LOGGER) instanceof Logger javalin)) {
            return start.get();
        }
        ListAppender<ILoggingEvent> held = new ListAppender<>();
        held.start();
        boolean additive = javalin.isAdditive();
        javalin.addAppender(held);
        javalin.setAdditive(false);
        boolean passOn = true;
        try {
            return start.get();
        }
        catch (RuntimeException e) {
            passOn = !saidInFull.test(e);
            throw e;
        }
        finally {
            javalin.detachAppender(held);
            javalin.setAdditive(additive);
            // On up from the parent: callAppenders on Javalin's own logger handed each line again to its own
            // appenders, which had it already (only the way up was held), so a configuration with an appender
            // on this logger got every line twice (found in review). Not at all if the logger does not pass up.
            if (passOn && additive) {
                Logger parent = javalin.getLoggerContext().getLogger(LOGGER.substring(0, LOGGER.lastIndexOf('.')));
                held.list.forEach(parent::callAppenders);
            }
        }
    }
}
