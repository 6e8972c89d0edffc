package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What becomes of Javalin's lines logged during a start, whatever stopped it. */
class JavalinStartFailureLineTest {
    private static final Logger JAVALIN = (Logger) LoggerFactory.getLogger(JavalinStartFailureLine.LOGGER);

    /**
     * Review finding: the held lines were passed on with {@code callAppenders} on Javalin's own logger, which
     * hands them to that logger's appenders too, and those had already had them as they were logged (only
     * the way up was held back). A configuration with an appender on {@code io.javalin.Javalin} itself
     * got every line of a start twice, "Failed to start Javalin" included.
     */
    @Test
    void aLineHeldDuringAFailedStartReachesAnAppenderOnJavalinsOwnLoggerOnceAndTheRootsOnce() throws Exception {
        List<ILoggingEvent> own = new ArrayList<>();
        List<ILoggingEvent> root = new ArrayList<>();
        LogLines.eventsDuring(JavalinStartFailureLine.LOGGER, own, () -> LogLines.eventsDuring(org.slf4j.Logger.ROOT_LOGGER_NAME, root, () -> {
            assertThatThrownBy(() -> JavalinStartFailureLine.heldDuring(() -> {
                JAVALIN.error("Failed to start Javalin");
                throw new IllegalStateException("not a port taken");
            }, failure -> false)).hasMessage("not a port taken");
            return null;
        }));

        assertThat(own).extracting(ILoggingEvent::getFormattedMessage).as("Javalin's own logger's appender").containsExactly("Failed to start Javalin");
        assertThat(root).extracting(ILoggingEvent::getFormattedMessage).as("the root's").containsExactly("Failed to start Javalin");
    }

    /** A start stopped by an Error (not a RuntimeException) passes Javalin's lines on and gives the logger back as it was. */
    @Test
    void aStartThatThrowsAnErrorPassesTheLinesOnAndRestoresTheLogger() throws Exception {
        List<ILoggingEvent> root = new ArrayList<>();
        LogLines.eventsDuring(org.slf4j.Logger.ROOT_LOGGER_NAME, root, () -> {
            assertThatThrownBy(() -> JavalinStartFailureLine.heldDuring(() -> {
                JAVALIN.error("Failed to start Javalin");
                throw new AssertionError("an error");
            }, failure -> true)).isInstanceOf(AssertionError.class);
            return null;
        });

        assertThat(root).extracting(ILoggingEvent::getFormattedMessage).containsExactly("Failed to start Javalin");
        assertThat(JAVALIN.isAdditive()).isTrue();
        assertThat(JAVALIN.iteratorForAppenders().hasNext()).as("no appender left behind").isFalse();
    }
}
