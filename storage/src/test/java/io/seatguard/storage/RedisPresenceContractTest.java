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
 * The presence contract against the real Redis on the machine ({@link RedisTestServer}), as it runs once
 * every node has indexed for longer than a key of an older release lives: an erasure reads the account's
 * index alone, which the contract's erasure cases then hold to ({@link RedisPresenceErasureTest}).
 */
class RedisPresenceContractTest extends PresenceContract {
    private final List<RedisPresence> opened = new ArrayList<>();

    @BeforeAll
    static void requireRedis() {
        RedisTestServer.require();
        RedisPresenceErasureTest.indexedLongAgo();
    }

    @Override
    protected Presence create(Duration window) {
        return create(window, Presence.DEFAULT_MAX_LIVE_PER_APP);
    }

    @Override
    protected Presence create(Duration window, long maxLivePerApp) {
        RedisPresence presence = RedisPresence.connect(RedisTestServer.URL, window, maxLivePerApp, RedisPresenceErasureTest.INDEXED_LONG_AGO, List.of());
        opened.add(presence);
        return presence;
    }

    /** Every key named with the app (its tests' apps are their own), by a walk over Redis's keys: tests only. */
    @Override
    protected long held(Presence presence, String app) {
        try (io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(RedisTestServer.URL);
                var connection = client.connect()) {
            var redis = connection.sync();
            long held = 0;
            io.lettuce.core.KeyScanCursor<String> cursor = redis.scan(io.lettuce.core.ScanArgs.Builder.matches("seatguard:presence*").limit(1_000));
            while (true) {
                held += cursor.getKeys().stream().filter(key -> key.contains(app + ':') || key.endsWith(':' + app)).count();
                if (cursor.isFinished()) {
                    return held;
                }
                cursor = redis.scan(cursor, io.lettuce.core.ScanArgs.Builder.matches("seatguard:presence*").limit(1_000));
            }
        }
    }

    /** The members of the app's waiting set naming the account ({@code <length>:<user>:<session>}). */
    @Override
    protected long waitingOf(Presence presence, String app, String user) {
        try (io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(RedisTestServer.URL);
                var connection = client.connect()) {
            String member = user.length() + ":" + user + ":";
            return connection.sync().zrange(RedisPresence.waitingKey(app), 0, -1).stream().filter(m -> m.startsWith(member)).count();
        }
    }

    /** live() reads, then deletes what it found expired: a heartbeat from another node in between is kept. */
    @Test
    void aSessionRefreshedBetweenTheReadAndThePruneIsKept() {
        RedisPresence presence = (RedisPresence) create(Duration.ofSeconds(90));
        String app = "app_prune" + System.nanoTime();
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        presence.touch(app, "ann", new Presence.LiveSession("tab-a", "dev-a", "computer", "198.51.100.1", start, false));
        presence.touch(app, "ann", new Presence.LiveSession("tab-b", "dev-b", "computer", "198.51.100.2", start, false));
        Instant later = start.plusSeconds(100);
        // Both were expired when read at "later"; tab-a's heartbeat then lands before the delete.
        presence.touch(app, "ann", new Presence.LiveSession("tab-a", "dev-a", "computer", "198.51.100.1", later, false));

        assertThat(presence.prune(RedisPresence.key(app, "ann"), later, List.of("tab-a", "tab-b"))).isEqualTo(1);
        assertThat(presence.live(app, "ann", later)).extracting(Presence.LiveSession::sessionId).containsExactly("tab-a");
    }

    @Test
    void endsOfMadeUpSessionsTakeNoPlaceInTheAccountsHashAndGoAfterAWindow() {
        RedisPresence presence = (RedisPresence) create(Duration.ofSeconds(90));
        String app = "app_ends" + System.nanoTime();
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        presence.touch(app, "ann", new Presence.LiveSession("tab-a", "dev-a", "computer", "198.51.100.1", start, false));
        for (int i = 0; i < 1_000; i++) {
            presence.end(app, "ann", "made-up-" + i, start.plusMillis(i));
        }

        try (io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(RedisTestServer.URL);
                var connection = client.connect()) {
            var redis = connection.sync();
            assertThat(redis.hlen(RedisPresence.key(app, "ann"))).as("ends take no place in the account's hash").isEqualTo(1);
            assertThat(redis.pttl(RedisPresence.endedKey(app, "ann", "made-up-999"))).as("each end is kept a window, then goes")
                    .isBetween(1L, Duration.ofSeconds(90).toMillis());
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

        presence.touch(app, "ann", new Presence.LiveSession("tab-a", "dev-a", "computer", "198.51.100.1", start, false));
        assertThat(presence.refresh(app, "ann", "tab-a", "198.51.100.9", start.plusSeconds(1))).contains("dev-a");
        assertThat(presence.live(app, "ann", start.plusSeconds(2))).extracting(Presence.LiveSession::ip).containsExactly("198.51.100.9");
    }

    /**
     * A rolling upgrade: sessions the release before the vouched mark wrote have none, and read as
     * unvouched (they may have been made up with the public client id); heartbeats keep them so. An
     * unsigned session is still written as that release wrote it, so its nodes read it unchanged.
     */
    @Test
    void sessionsWrittenWithoutTheVouchedMarkReadAsUnvouchedAndUnsignedOnesAreWrittenAsBefore() {
        RedisPresence presence = (RedisPresence) create(Duration.ofSeconds(90));
        String app = "app_legacy" + System.nanoTime();
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        long at = start.toEpochMilli();
        try (io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(RedisTestServer.URL);
                var connection = client.connect()) {
            var redis = connection.sync();
            // As the previous release's touch left them.
            redis.hset(RedisPresence.key(app, "ann"), "tab-old", at + "|dev-old|computer|198.51.100.1");
            redis.set(RedisPresence.openedKey(app, "ann", "tab-old"), at + "|dev-old|computer");

            assertThat(presence.live(app, "ann", start.plusSeconds(1)))
                    .containsExactly(new Presence.LiveSession("tab-old", "dev-old", "computer", "198.51.100.1", start, false));
            assertThat(presence.opened(app, "ann", "tab-old", start.plusSeconds(1))).contains(new Presence.OpenedSession("dev-old", "computer", false));
            assertThat(presence.refresh(app, "ann", "tab-old", "198.51.100.2", start.plusSeconds(30))).contains("dev-old");
            assertThat(redis.hget(RedisPresence.key(app, "ann"), "tab-old")).isEqualTo((at + 30_000) + "|dev-old|computer|198.51.100.2");
            assertThat(presence.resume(app, "ann", "tab-old", "198.51.100.3", start.plusSeconds(200))).isTrue();
            assertThat(presence.live(app, "ann", start.plusSeconds(200))).extracting(Presence.LiveSession::vouched).containsExactly(false);

            presence.touch(app, "ann", new Presence.LiveSession("tab-unsigned", "dev-u", "computer", "203.0.113.9", start, false));
            presence.touch(app, "ann", new Presence.LiveSession("tab-backend", "dev-b", "computer", "203.0.113.10", start, true));
            assertThat(redis.hget(RedisPresence.key(app, "ann"), "tab-unsigned")).isEqualTo(at + "|dev-u|computer|203.0.113.9");
            assertThat(redis.get(RedisPresence.openedKey(app, "ann", "tab-unsigned"))).isEqualTo(at + "|dev-u|computer");
            assertThat(redis.hget(RedisPresence.key(app, "ann"), "tab-backend")).isEqualTo(at + "|dev-b|computer|203.0.113.10|v");
            assertThat(redis.get(RedisPresence.openedKey(app, "ann", "tab-backend"))).isEqualTo(at + "|dev-b|computer|v");
        }
    }

    @AfterEach
    void close() {
        opened.forEach(RedisPresence::close);
    }
}
