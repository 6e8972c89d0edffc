package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.presence.Presence;
import io.seatguard.core.testing.PresenceContract;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The presence contract against the real Redis on the machine (127.0.0.1:6379, or
 * {@code SEATGUARD_TEST_REDIS_URL}). Skipped when Redis is down on a developer's machine; a failure
 * when {@code CI=true}.
 */
class RedisPresenceContractTest extends PresenceContract {
    static final String URL = System.getenv().getOrDefault("SEATGUARD_TEST_REDIS_URL", "redis://127.0.0.1:6379");
    private final List<RedisPresence> opened = new ArrayList<>();

    @BeforeAll
    static void requireRedis() {
        URI uri = URI.create(URL);
        boolean up;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), 1000);
            up = true;
        }
        catch (IOException e) {
            up = false;
        }
        if ("true".equals(System.getenv("CI"))) {
            assertThat(up).as("CI=true needs Redis at %s", URL).isTrue();
        }
        Assumptions.assumeTrue(up, "Redis is not running at " + URL);
    }

    @Override
    protected Presence create(Duration window) {
        RedisPresence presence = RedisPresence.connect(URL, window);
        opened.add(presence);
        return presence;
    }

    @AfterEach
    void close() {
        opened.forEach(RedisPresence::close);
    }
}
