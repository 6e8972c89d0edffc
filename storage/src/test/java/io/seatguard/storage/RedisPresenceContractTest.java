package io.seatguard.storage;

import io.seatguard.core.presence.Presence;
import io.seatguard.core.testing.PresenceContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The presence contract against the real Redis on the machine ({@link RedisTestServer}).
 */
class RedisPresenceContractTest extends PresenceContract {
    private final List<RedisPresence> opened = new ArrayList<>();

    @BeforeAll
    static void requireRedis() {
        RedisTestServer.require();
    }

    @Override
    protected Presence create(Duration window) {
        RedisPresence presence = RedisPresence.connect(RedisTestServer.URL, window);
        opened.add(presence);
        return presence;
    }

    @AfterEach
    void close() {
        opened.forEach(RedisPresence::close);
    }
}
