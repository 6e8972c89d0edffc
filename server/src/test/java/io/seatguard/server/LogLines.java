package io.seatguard.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;

/** What a logger logged while a piece of a test ran, for tests that check what the log says. */
public final class LogLines {
    private LogLines() {}

    /** Runs {@code call}, adding the formatted lines {@code logger}'s log got meanwhile to {@code lines}; returns its result. */
    public static <T> T during(Class<?> logger, List<String> lines, Callable<T> call) throws Exception {
        return during(logger.getName(), lines, call);
    }

    /** As {@link #during(Class, List, Callable)}, for a logger named otherwise than a class ({@code seatguard.audit}). */
    public static <T> T during(String logger, List<String> lines, Callable<T> call) throws Exception {
        List<ILoggingEvent> events = new ArrayList<>();
        try {
            return eventsDuring(logger, events, call);
        }
        finally {
            events.stream().map(ILoggingEvent::getFormattedMessage).forEach(lines::add);
        }
    }

    /** As {@link #during(String, List, Callable)}, keeping the whole events: their level and logging context too. */
    public static <T> T eventsDuring(String logger, List<ILoggingEvent> events, Callable<T> call) throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(logger);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        log.addAppender(appender);
        try {
            return call.call();
        }
        finally {
            log.detachAppender(appender);
            events.addAll(appender.list);
        }
    }
}
