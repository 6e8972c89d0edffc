package io.seatguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.testing.MutableClock;
import io.seatguard.server.TestServer.Response;
import io.seatguard.server.TestServer.TestApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's own retention pass: its cutoff from the server's clock and {@code --retention-days}, then
 * the caches told. Found by a coverage run: that pass had never run in a test (RetentionPrunerTest calls
 * the pass with a cutoff of its own). docs/api.md: devices no account links go with their tokens once
 * unseen since the cutoff, so the browser that comes back with such a token is a new device, and a
 * device seen within the retention is kept. (A device a cache still held after the pass would be made
 * anew by the write's retry for a device deleted under it, as after an erasure; so this checks what the
 * server answers, not which layer ensures it.)
 */
class RetentionInARunningServerTest {
    private static final int RETENTION_DAYS = 30;
    private static final String TOKEN = "tok_anonymous_signup_0001";
    private static final String DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private TestServer server;
    private TestApp app;

    @BeforeEach
    void start() {
        server = TestServer.startWith(TestServer.config(dataDir).retentionDays(RETENTION_DAYS).build(), clock);
        app = server.defaultApp();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String signUpAnonymously() {
        Response signup = server.post("/v3/evaluate", "{\"client_id\":\"" + app.clientId() + "\",\"action\":\"signup\",\"device\":{\"token\":\"" + TOKEN
                + "\",\"components\":{\"canvas\":\"c1\",\"fonts\":\"f1\",\"screen\":\"1920x1080\"}}}", Map.of("User-Agent", DESKTOP));
        assertThat(signup.status()).as(signup.body()).isEqualTo(200);
        return signup.json().get("device_id").asText();
    }

    @Test
    void anAnonymousDeviceRetentionDeletedIsANewDeviceWhenItsTokenComesBack() {
        String first = signUpAnonymously();
        assertThat(signUpAnonymously()).as("the token is the device's while it is kept").isEqualTo(first);

        clock.advance(Duration.ofDays(RETENTION_DAYS + 1));
        server.server().pruneNow();

        assertThat(server.get("/v3/history?device_id=" + first, app.bearer()).json().get("data")).as("its evaluations went").isEmpty();
        String after = signUpAnonymously();
        assertThat(after).as("the device went with its token").isNotEqualTo(first);
        assertThat(server.get("/v3/history?device_id=" + after, app.bearer()).json().get("data")).hasSize(1);
    }

    @Test
    void aDeviceSeenWithinTheRetentionIsKept() {
        String first = signUpAnonymously();
        clock.advance(Duration.ofDays(RETENTION_DAYS - 1));
        server.server().pruneNow();

        assertThat(signUpAnonymously()).isEqualTo(first);
        assertThat(server.get("/v3/history?device_id=" + first, app.bearer()).json().get("data")).hasSize(2);
    }
}
