package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first start shows the admin token and the first operator's password once. One that fails after the
 * store is open (the port taken, Redis unreachable) must not keep them unseen: the next start makes and shows them.
 */
class FailedFirstStartTest {
    @TempDir
    Path dataDir;

    @Test
    void aFirstStartThatFailsLeavesTheAdminTokenAndFirstOperatorToTheNextStart() throws IOException {
        // The port taken: the start fails at its very end, when it listens (an unreachable Redis fails it
        // the same way, earlier, after a connect timeout this test need not wait out).
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> SeatguardServer.start(TestServer.config(dataDir).port(taken.getLocalPort()).build()).close())
                    .isInstanceOf(RuntimeException.class);
        }

        try (SeatguardServer second = SeatguardServer.start(TestServer.config(dataDir).build())) {
            assertThat(second.generatedAdminToken()).as("made and shown by the start that succeeded").isPresent();
            assertThat(second.createdOperator()).isPresent();
        }
        try (SeatguardServer third = SeatguardServer.start(TestServer.config(dataDir).build())) {
            assertThat(third.generatedAdminToken()).as("shown once").isEmpty();
            assertThat(third.createdOperator()).isEmpty();
        }
    }
}
