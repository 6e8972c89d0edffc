package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.presence.Presence;
import io.seatguard.core.testing.PresenceContract;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    /** live() reads, then deletes what it found expired: a heartbeat from another node in between is kept. */
    @Test
    void aSessionRefreshedBetweenTheReadAndThePruneIsKept() {
        RedisPresence presence = (RedisPresence) create(Duration.ofSeconds(90));
        String app = "app_prune" + System.nanoTime();
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        presence.touch(app, "ann", new Presence.LiveSession("tab-a", "dev-a", "computer", "198.51.100.1", start));
        presence.touch(app, "ann", new Presence.LiveSession("tab-b", "dev-b", "computer", "198.51.100.2", start));
        Instant later = start.plusSeconds(100);
        // Both were expired when read at "later"; tab-a's heartbeat then lands before the delete.
        presence.touch(app, "ann", new Presence.LiveSession("tab-a", "dev-a", "computer", "198.51.100.1", later));

        assertThat(presence.prune(RedisPresence.key(app, "ann"), later, List.of("tab-a", "tab-b"))).isEqualTo(1);
        assertThat(presence.live(app, "ann", later)).extracting(Presence.LiveSession::sessionId).containsExactly("tab-a");
    }

    @Test
    void endsOfMadeUpSessionsKeepTheAccountsHashAtTheCap() {
        RedisPresence presence = (RedisPresence) create(Duration.ofSeconds(90));
        String app = "app_ends" + System.nanoTime();
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        presence.touch(app, "ann", new Presence.LiveSession("tab-a", "dev-a", "computer", "198.51.100.1", start));
        for (int i = 0; i < 1_000; i++) {
            presence.end(app, "ann", "made-up-" + i, start.plusMillis(i));
        }

        try (io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(RedisTestServer.URL);
                var connection = client.connect()) {
            assertThat(connection.sync().hlen(RedisPresence.key(app, "ann"))).as("one live session and ends up to the cap")
                    .isLessThanOrEqualTo((long) Presence.MAX_SESSIONS_PER_ACCOUNT);
        }
        presence.end(app, "ann", "tab-a", start.plusSeconds(2));
        assertThat(presence.live(app, "ann", start.plusSeconds(3))).as("a live session's end is still kept").isEmpty();
    }

    @Test
    void scriptsForgottenByRedisAreSentAgain() {
        RedisPresence presence = (RedisPresence) create(Duration.ofSeconds(90));
        String app = "app_flush" + System.nanoTime();
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        try (io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(RedisTestServer.URL);
                var connection = client.connect()) {
            // What a restart of Redis does to loaded scripts.
            connection.sync().scriptFlush();
        }

        presence.touch(app, "ann", new Presence.LiveSession("tab-a", "dev-a", "computer", "198.51.100.1", start));
        assertThat(presence.refresh(app, "ann", "tab-a", "198.51.100.9", start.plusSeconds(1))).isTrue();
        assertThat(presence.live(app, "ann", start.plusSeconds(2))).extracting(Presence.LiveSession::ip).containsExactly("198.51.100.9");
    }

    @AfterEach
    void close() {
        opened.forEach(RedisPresence::close);
    }
}
