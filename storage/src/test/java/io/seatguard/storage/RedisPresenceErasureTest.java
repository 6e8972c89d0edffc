package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import io.seatguard.core.presence.Presence;
import io.seatguard.core.presence.Presence.LiveSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An erasure in Redis finds the account's sessions through its index, never by walking Redis's keys
 * (SCAN), which takes seconds at ten million keys and walks other applications' keys in a shared Redis;
 * and, during a rolling upgrade only, what an older release wrote without listing it
 * ({@link UnindexedOpenings}). The cases every adapter must meet are in the presence contract.
 */
class RedisPresenceErasureTest {
    /** A key saying nodes have indexed since 1970: past the time an older release's key lives. */
    static final String INDEXED_LONG_AGO = "seatguard:test:presence-indexed-since:long-ago";
    private static final Duration WINDOW = Duration.ofSeconds(90);
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final List<AutoCloseable> opened = new ArrayList<>();
    /** The type of every command the presence under test sent, in order. */
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private RedisCommands<String, String> redis;
    private String app;

    @BeforeAll
    static void requireRedis() {
        RedisTestServer.require();
        indexedLongAgo();
    }

    /** Sets {@link #INDEXED_LONG_AGO}; it goes after an hour, longer than the tests that read it take. */
    static void indexedLongAgo() {
        try (RedisClient client = RedisClient.create(RedisTestServer.URL); StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().set(INDEXED_LONG_AGO, "0", SetArgs.Builder.px(Duration.ofHours(1)));
        }
    }

    @BeforeEach
    void connect() {
        RedisClient client = RedisClient.create(RedisTestServer.URL);
        StatefulRedisConnection<String, String> connection = client.connect();
        opened.add(client::shutdown);
        opened.add(connection);
        redis = connection.sync();
        app = "app_erase" + System.nanoTime();
    }

    private RedisPresence presence(String indexedSinceKey) {
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                sent.add(event.getCommand().getType().toString());
            }
        };
        RedisPresence presence = RedisPresence.connect(RedisTestServer.URL, WINDOW, indexedSinceKey, List.of(listener));
        opened.add(presence);
        return presence;
    }

    private static LiveSession session(String id, String device, Instant at) {
        return new LiveSession(id, device, "computer", "198.51.100.7", at, false);
    }

    /** Fails on the release before the index: it found the account's sessions with SCAN, at every erasure. */
    @Test
    void anErasureReadsTheAccountsIndexAndNeverWalksRedissKeys() {
        RedisPresence presence = presence(INDEXED_LONG_AGO);
        int sessions = 2 * RedisPresence.ERASE_BATCH + 1;
        for (int i = 0; i < sessions; i++) {
            presence.touch(app, "ann", session("tab-" + i, "dev-" + i % 3, T0));
        }
        presence.endLoggedOut(app, "ann", "tab-0", T0.plusSeconds(1));
        presence.touch(app, "bob", session("tab-1", "dev-1", T0));
        Instant erased = T0.plusSeconds(600);
        sent.clear();

        presence.endAll(app, "ann", erased);

        assertThat(sent).as("the commands of the erasure").contains("ZRANGE").doesNotContain("SCAN", "KEYS");
        assertThat(presence.loggedOutOn(app, "ann", "tab-0", erased)).isEmpty();
        for (int i = 1; i < sessions; i++) {
            assertThat(presence.opened(app, "ann", "tab-" + i, erased)).as("tab-%d", i).isEmpty();
        }
        assertThat(redis.exists(RedisPresence.indexKey(app, "ann"))).as("the index of no session is gone").isZero();
        assertThat(presence.opened(app, "bob", "tab-1", erased)).as("another account's").isPresent();
    }

    /**
     * A heartbeat that lands on another node while the erasure runs, after it read the account's live
     * sessions and before it forgot the openings, resumes the quiet tab it came from (its opening was
     * still there). The erasure must not leave that session live: later heartbeats would keep it live
     * for as long as the tab stays open, its device and address still under the erased account, and
     * counted by {@code concurrent_sessions} once the account is made again. Failed while the erasure
     * read the live sessions first and forgot the openings after.
     */
    @Test
    void aHeartbeatResumingATabWhileTheErasureRunsLeavesNoLiveSession() {
        RedisPresence otherNode = RedisPresence.connect(RedisTestServer.URL, WINDOW, INDEXED_LONG_AGO, List.of());
        opened.add(otherNode);
        Instant erased = T0.plusSeconds(600);
        boolean[] armed = {false};
        CommandListener heartbeatMeanwhile = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                // Once, when the erasure turns to the index: the other node's connection, so no deadlock.
                if (armed[0] && event.getCommand().getType().toString().equals("ZCARD")) {
                    armed[0] = false;
                    otherNode.resume(app, "ann", "tab-quiet", "198.51.100.7", erased.plusSeconds(1));
                }
            }
        };
        RedisPresence presence = RedisPresence.connect(RedisTestServer.URL, WINDOW, INDEXED_LONG_AGO, List.of(heartbeatMeanwhile));
        opened.add(presence);
        presence.touch(app, "ann", session("tab-quiet", "dev-1", T0));
        assertThat(presence.live(app, "ann", erased)).as("quiet, its opening remembered").isEmpty();
        armed[0] = true;

        presence.endAll(app, "ann", erased);

        assertThat(armed[0]).as("the heartbeat landed during the erasure").isFalse();
        assertThat(otherNode.refresh(app, "ann", "tab-quiet", "198.51.100.7", erased.plusSeconds(2))).as("the tab's next heartbeat").isEmpty();
        assertThat(presence.live(app, "ann", erased.plusSeconds(2))).isEmpty();
        assertThat(presence.opened(app, "ann", "tab-quiet", erased.plusSeconds(2))).isEmpty();
    }

    /**
     * A logout of the account's device landing on another node while the erasure runs, after the
     * openings went and before the live sessions are ended, names the live session's device in its end:
     * that end, kept {@link Presence#OPENED_MEMORY}, must not outlive the erasure naming the device.
     */
    @Test
    void aLogoutLandingWhileTheErasureRunsLeavesNoEndNamingTheDevice() {
        RedisPresence otherNode = RedisPresence.connect(RedisTestServer.URL, WINDOW, INDEXED_LONG_AGO, List.of());
        opened.add(otherNode);
        Instant erased = T0.plusSeconds(30);
        boolean[] armed = {false};
        CommandListener logoutMeanwhile = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                // Once, when the erasure reads the live sessions.
                if (armed[0] && event.getCommand().getType().toString().equals("HGETALL")) {
                    armed[0] = false;
                    otherNode.endLoggedOut(app, "ann", "tab-live", erased);
                }
            }
        };
        RedisPresence presence = RedisPresence.connect(RedisTestServer.URL, WINDOW, INDEXED_LONG_AGO, List.of(logoutMeanwhile));
        opened.add(presence);
        presence.touch(app, "ann", session("tab-live", "dev-1", T0));
        armed[0] = true;

        presence.endAll(app, "ann", erased);

        assertThat(armed[0]).as("the logout landed during the erasure").isFalse();
        assertThat(presence.loggedOutOn(app, "ann", "tab-live", erased.plusSeconds(1))).isEmpty();
        assertThat(redis.get(RedisPresence.endedKey(app, "ann", "tab-live"))).as("the end stays, naming no device").endsWith("|");
    }

    /**
     * The index lists a session until its key expires, expires with the last one it lists, and drops
     * the sessions whose keys are gone; an end that names no device (a tab's own, or a made-up session's)
     * is not listed: an erasure has nothing to forget of it.
     */
    @Test
    void theIndexOutlivesTheKeysItListsAndDropsThoseGone() {
        RedisPresence presence = presence(INDEXED_LONG_AGO);
        String index = RedisPresence.indexKey(app, "ann");
        redis.zadd(index, 1, "gone-since-1970");
        presence.touch(app, "ann", session("tab-1", "dev-1", T0));
        long keyExpires = UnindexedOpenings.millis(redis.time()) + redis.pttl(RedisPresence.openedKey(app, "ann", "tab-1"));

        assertThat(redis.zrange(index, 0, -1)).containsExactly("tab-1");
        assertThat(redis.zscore(index, "tab-1")).isGreaterThanOrEqualTo((double) keyExpires);
        assertThat(redis.pttl(index)).isGreaterThanOrEqualTo(redis.pttl(RedisPresence.openedKey(app, "ann", "tab-1")))
                .isLessThanOrEqualTo(Presence.OPENED_MEMORY.toMillis() + 1);

        presence.end(app, "ann", "made-up", T0.plusSeconds(1));
        presence.end(app, "ann", "tab-1", T0.plusSeconds(1));
        assertThat(redis.zrange(index, 0, -1)).containsExactly("tab-1");
        presence.touch(app, "ann", session("tab-2", "dev-2", T0.plusSeconds(2)));
        // As if its opening were to expire in a minute: the logout's end, kept longer, keeps it listed as long.
        redis.zadd(index, UnindexedOpenings.millis(redis.time()) + 60_000, "tab-2");
        presence.endLoggedOut(app, "ann", "tab-2", T0.plusSeconds(3));
        long endExpires = UnindexedOpenings.millis(redis.time()) + redis.pttl(RedisPresence.endedKey(app, "ann", "tab-2"));
        assertThat(redis.zrange(index, 0, -1)).containsExactlyInAnyOrder("tab-1", "tab-2");
        assertThat(redis.zscore(index, "tab-2")).isGreaterThanOrEqualTo((double) endExpires);
    }

    /**
     * During a rolling upgrade a quiet session's opening, or a logout's end, may have been written by an
     * older release, which lists nothing: an erasure still forgets them, by the walk that release made,
     * until such a key can no longer be there. Other accounts' keys stay, a user id with a pattern's
     * special characters matching itself only.
     */
    @Test
    void keysAnOlderReleaseWroteAreForgottenWhileTheyMayStillBeThere() {
        String since = "seatguard:test:presence-indexed-since:" + app;
        RedisPresence presence = presence(since);
        redis.pexpire(since, Duration.ofMinutes(5).toMillis());
        for (String user : List.of("a?", "ab")) {
            writtenByTheReleaseBeforeTheIndex(user);
        }
        presence.touch(app, "a?", session("tab-new", "dev-3", T0.plusSeconds(500)));
        Instant erased = T0.plusSeconds(560);

        presence.endAll(app, "a?", erased);

        assertThat(sent).as("the walk, while it is due").contains("SCAN");
        assertThat(presence.opened(app, "a?", "tab-old", erased)).isEmpty();
        assertThat(presence.loggedOutOn(app, "a?", "tab-old-out", erased)).isEmpty();
        assertThat(redis.get(RedisPresence.endedKey(app, "a?", "tab-old-out"))).as("the end stays, naming no device").isEqualTo(T0.toEpochMilli() + "|");
        assertThat(presence.opened(app, "a?", "tab-new", erased)).isEmpty();
        assertThat(presence.opened(app, "ab", "tab-old", erased)).as("another account's").isPresent();
        assertThat(presence.loggedOutOn(app, "ab", "tab-old-out", erased)).as("another account's").contains("dev-2");
    }

    /**
     * Once nodes have indexed for longer than a key lives (plus the upgrade's grace), a key without an
     * index entry is one an older node still running wrote: it is left to expire by itself, at most
     * {@link Presence#OPENED_MEMORY} after it was written (docs/production.md, "Upgrading").
     */
    @Test
    void afterThatAnErasureLeavesAKeyNoIndexListsToItsOwnExpiry() {
        RedisPresence presence = presence(INDEXED_LONG_AGO);
        writtenByTheReleaseBeforeTheIndex("ann");

        presence.endAll(app, "ann", T0.plusSeconds(560));

        assertThat(sent).doesNotContain("SCAN");
        assertThat(presence.opened(app, "ann", "tab-old", T0.plusSeconds(560))).isPresent();
        assertThat(redis.pttl(RedisPresence.openedKey(app, "ann", "tab-old"))).isBetween(1L, Presence.OPENED_MEMORY.toMillis());
    }

    /**
     * The first node of the release to connect says since when nodes index; a later one keeps that time.
     * A time that cannot be read counts as now: the walk goes on for longer, never stops early.
     */
    @Test
    void theFirstNodeToConnectSaysSinceWhenNodesIndex() {
        String since = "seatguard:test:presence-indexed-since:" + app;
        presence(since);
        redis.pexpire(since, Duration.ofMinutes(5).toMillis());
        String first = redis.get(since);
        long redisNow = UnindexedOpenings.millis(redis.time());
        assertThat(Long.parseLong(first)).isBetween(redisNow - Duration.ofMinutes(1).toMillis(), redisNow);
        assertThat(UnindexedOpenings.since(redis, since).walkDue()).as("a key of the release before may still be there").isTrue();

        redis.set(since, "0", SetArgs.Builder.px(Duration.ofMinutes(5)));
        presence(since);
        assertThat(redis.get(since)).isEqualTo("0");
        assertThat(UnindexedOpenings.since(redis, since).walkDue()).as("indexed since 1970").isFalse();

        redis.set(since, "not a time", SetArgs.Builder.px(Duration.ofMinutes(5)));
        assertThat(UnindexedOpenings.since(redis, since).walkDue()).isTrue();
    }

    /** As the release before the index wrote them: a quiet session's opening, and a logout's end naming its device. */
    private void writtenByTheReleaseBeforeTheIndex(String user) {
        long at = T0.toEpochMilli();
        SetArgs memory = SetArgs.Builder.px(Presence.OPENED_MEMORY);
        redis.set(RedisPresence.openedKey(app, user, "tab-old"), at + "|dev-1|computer", memory);
        redis.set(RedisPresence.endedKey(app, user, "tab-old-out"), at + "|dev-2", memory);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }
}
