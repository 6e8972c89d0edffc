package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * How a failure to listen is said, by its cause. Tests run as root, where a port below 1024 binds, so the
 * refused privilege is built here rather than met (ServeCommandTest meets a taken port).
 */
class ListenFailureTest {
    @Test
    void aPortBelow1024WithoutThePrivilegeNamesItAndTheFlagThatGetsPast() {
        RuntimeException javalins = new RuntimeException("Port already in use. Make sure no other process is using port 443", new BindException("Permission denied"));

        assertThat(ListenFailure.explained(javalins, "0.0.0.0", 443)).hasMessage("cannot listen on port 443 on 0.0.0.0: ports below 1024 need root or"
                + " CAP_NET_BIND_SERVICE; give a --port of 1024 or above (the proxy in front can still take 443)").hasCause(javalins);
    }

    @Test
    void aPortTakenStillSaysSo() {
        RuntimeException javalins = new RuntimeException("Port already in use", new BindException("Address already in use"));

        assertThat(ListenFailure.explained(javalins, "127.0.0.1", 8080)).hasMessageStartingWith("port 8080 on 127.0.0.1 is already in use");
    }

    /**
     * Review: a taken port was said twice, first by Javalin's "ERROR io.javalin.Javalin - Failed to start
     * Javalin", then by serve's line naming the port and --port. The log's appenders (the root logger's, where
     * standard error is) get Javalin's line no more for that failure, and still for the others.
     */
    @Test
    void aTakenPortIsSaidWithoutJavalinsOwnErrorLineWhichOtherStartFailuresKeep(@TempDir Path dir) throws Exception {
        List<ILoggingEvent> logged = new ArrayList<>();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            LogLines.eventsDuring(Logger.ROOT_LOGGER_NAME, logged, () -> {
                assertThatThrownBy(() -> SeatguardServer.start(TestServer.config(dir.resolve("a")).port(taken.getLocalPort()).build()))
                        .hasMessageContaining("is already in use");
                return null;
            });
        }
        assertThat(logged).extracting(ILoggingEvent::getFormattedMessage).doesNotContain(JAVALINS_LINE);

        logged.clear();
        LogLines.eventsDuring(Logger.ROOT_LOGGER_NAME, logged, () -> {
            assertThatThrownBy(() -> SeatguardServer.start(TestServer.config(dir.resolve("b")).host("192.0.2.77").build()))
                    .hasMessageStartingWith("cannot listen on 192.0.2.77");
            return null;
        });
        assertThat(logged).extracting(ILoggingEvent::getFormattedMessage).as("another failure to start").contains(JAVALINS_LINE);
    }

    private static final String JAVALINS_LINE = "Failed to start Javalin";
}
