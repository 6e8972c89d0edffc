package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.presence.InMemoryPresence;
import io.seatguard.core.presence.Presence;
import io.seatguard.core.presence.Presence.LiveSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same seeded sequences of touches, refreshes, resumes and ends, run on {@link InMemoryPresence} and
 * on {@link RedisPresence} (the real Redis on the machine): after every call both must agree on each
 * account's live sessions, the openings a heartbeat may resume, and the app's count. The contract tests
 * name the cases someone thought of; this finds the orders nobody did (a reopened session, two touches at
 * one moment, a resume overtaken by another node's touch). Touches and ends may land late, as they do
 * from another node; the reads, refreshes and resumes move forward, as one node's clock does.
 */
class RedisPresenceAgreesWithInMemoryTest {
    private static final Duration WINDOW = Duration.ofSeconds(90);
    private static final String[] USERS = {"ann", "bob"};
    private static final int SESSIONS = 4;
    private static final int SEEDS = 60;
    private static final int PARALLEL_SEEDS = 4;

    @BeforeAll
    static void requireRedis() {
        RedisTestServer.require();
    }

    @Test
    void bothAdaptersAgreeAfterEveryCallOfSeededSequences() throws Exception {
        // Four seeds at a time, each on its own app and connection: a seed is ~1,200 round trips to Redis,
        // each mostly waiting, and one after another they took 13-22 s alone and up to 215 s on a loaded CI
        // machine, where every wait for the network is also a wait for a core.
        ExecutorService seeds = Executors.newFixedThreadPool(PARALLEL_SEEDS);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int seed = 0; seed < SEEDS; seed++) {
                int each = seed;
                runs.add(seeds.submit(() -> {
                    try (RedisPresence redis = RedisPresence.connect(RedisTestServer.URL, WINDOW)) {
                        agree(each, new InMemoryPresence(WINDOW), redis);
                    }
                }));
            }
            for (Future<?> run : runs) {
                try {
                    run.get();
                }
                catch (ExecutionException e) {
                    // The seed's own failure, with the calls that led to it, rather than the pool's wrapper.
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw e;
                }
            }
        }
        finally {
            seeds.shutdownNow();
        }
    }

    private static void agree(int seed, Presence memory, Presence redis) {
        Random random = new Random(seed);
        String app = "app_agree" + seed + "_" + System.nanoTime();
        Instant now = Instant.parse("2026-11-01T12:00:00Z");
        List<String> calls = new ArrayList<>();
        for (int step = 0; step < 60; step++) {
            now = now.plusSeconds(random.nextInt(40));
            Instant late = random.nextInt(5) == 0 ? now.minusSeconds(random.nextInt(30)) : now;
            String user = USERS[random.nextInt(USERS.length)];
            String session = "s" + random.nextInt(SESSIONS);
            String device = "d" + random.nextInt(3);
            String ip = "198.51.100." + random.nextInt(3);
            switch (random.nextInt(6)) {
                case 0, 1 -> {
                    LiveSession touched = new LiveSession(session, device, random.nextBoolean() ? "computer" : "mobile", ip, late, random.nextBoolean());
                    memory.touch(app, user, touched);
                    redis.touch(app, user, touched);
                    calls.add("touch " + user + " " + touched);
                }
                case 2 -> {
                    calls.add("refresh " + user + " " + session + " " + now);
                    assertThat(redis.refresh(app, user, session, ip, now)).as(() -> history(seed, calls)).isEqualTo(memory.refresh(app, user, session, ip, now));
                }
                case 3 -> {
                    calls.add("resume " + user + " " + session + " " + now);
                    assertThat(redis.resume(app, user, session, ip, now)).as(() -> history(seed, calls)).isEqualTo(memory.resume(app, user, session, ip, now));
                }
                case 4 -> {
                    memory.end(app, user, session, late);
                    redis.end(app, user, session, late);
                    calls.add("end " + user + " " + session + " " + late);
                }
                default -> {
                    memory.endDevice(app, user, device, now);
                    redis.endDevice(app, user, device, now);
                    calls.add("endDevice " + user + " " + device + " " + now);
                }
            }
            for (String each : USERS) {
                assertThat(sorted(redis.live(app, each, now))).as(() -> history(seed, calls) + "\nlive " + each).isEqualTo(sorted(memory.live(app, each, now)));
                for (int i = 0; i < SESSIONS; i++) {
                    String asked = "s" + i;
                    assertThat(redis.opened(app, each, asked, now)).as(() -> history(seed, calls) + "\nopened " + each + " " + asked)
                            .isEqualTo(memory.opened(app, each, asked, now));
                    assertThat(redis.loggedOutOn(app, each, asked, now)).as(() -> history(seed, calls) + "\nloggedOutOn " + each + " " + asked)
                            .isEqualTo(memory.loggedOutOn(app, each, asked, now));
                }
            }
            assertThat(redis.liveSessions(app, now)).as(() -> history(seed, calls) + "\nliveSessions").isEqualTo(memory.liveSessions(app, now));
        }
    }

    private static String history(int seed, List<String> calls) {
        return "seed " + seed + ":\n" + String.join("\n", calls);
    }

    private static List<LiveSession> sorted(List<LiveSession> sessions) {
        List<LiveSession> copy = new ArrayList<>(sessions);
        copy.sort(Comparator.comparing(LiveSession::sessionId));
        return copy;
    }
}
