package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Redis on the machine for tests (127.0.0.1:6379, or {@code SEATGUARD_TEST_REDIS_URL}).
 * Tests that need it are skipped when it is down on a developer's machine, and fail when {@code CI=true}.
 */
public final class RedisTestServer {
    public static final String URL = System.getenv().getOrDefault("SEATGUARD_TEST_REDIS_URL", "redis://127.0.0.1:6379");

    private RedisTestServer() {}

    public static void require() {
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
}
