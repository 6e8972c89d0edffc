package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.BindException;
import org.junit.jupiter.api.Test;

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
}
