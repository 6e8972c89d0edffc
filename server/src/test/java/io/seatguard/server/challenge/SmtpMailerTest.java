package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mailer against a mail server that trickles its greeting a byte every 100 ms and never ends the
 * line: each read is well within Jakarta Mail's per-read timeout, so only a deadline over the whole
 * exchange ends it. (A real exchange is in {@code VerificationChallengeTest}, against GreenMail.)
 */
class SmtpMailerTest {
    private final CountDownLatch hungUp = new CountDownLatch(1);
    private ServerSocket server;
    private Thread trickler;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        trickler = Thread.ofPlatform().daemon().start(() -> {
            try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                out.write("220".getBytes(StandardCharsets.US_ASCII));
                while (true) {
                    out.write('-');
                    out.flush();
                    Thread.sleep(100);
                }
            }
            catch (IOException e) {
                // The mailer closed the connection (a write to it fails), or the test ended.
                hungUp.countDown();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        trickler.interrupt();
        server.close();
    }

    /** Review finding: timeouts were per read, so a trickling mail server held a code-sending page request without end. */
    @Test
    void aMailServerThatTricklesIsGivenUpOnAtTheDeadlineAndItsConnectionClosed() throws InterruptedException {
        SmtpMailer mailer = new SmtpMailer(URI.create("smtp://127.0.0.1:" + server.getLocalPort()), "codes@example.com", Duration.ofSeconds(1));
        // Preemptive: a mailer without a deadline would hang the test, not fail it.
        assertTimeoutPreemptively(Duration.ofSeconds(8), () -> assertThatThrownBy(() -> mailer.send("ana@example.com", "Code", "123456"))
                .hasMessageContaining("did not take the mail").hasMessageContaining("within 1 s"));
        assertThat(hungUp.await(5, TimeUnit.SECONDS)).as("the connection is closed, not left to the mail server").isTrue();
    }
}
