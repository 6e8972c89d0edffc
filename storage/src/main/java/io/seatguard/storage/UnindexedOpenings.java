package io.seatguard.storage;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.seatguard.core.presence.Presence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An erasure's way to the session keys that {@link RedisPresence}'s per-account index does not list: those
 * written by a release from before the index, during a rolling upgrade (a session quiet since then, so no
 * node of this release wrote its key again). They are found as that release found every one, by a walk
 * over Redis's keys with {@code SCAN}, but only while one of them may still be there: such a key lives
 * {@link Presence#OPENED_MEMORY} at most from its last write, so the walk is made until that long (and
 * {@link #UPGRADE_GRACE} for the older nodes still running) after the first node of this release
 * connected, which the key {@link #INDEXED_SINCE_KEY} remembers (by Redis's clock, written once). After
 * that an erasure reads the index alone and never walks the key space (seconds at ten million keys, and
 * a shared Redis holds other applications' keys).
 */
final class UnindexedOpenings {
    /** Since when (ms, Redis's clock) nodes that keep the index have written presence; never expires. */
    static final String INDEXED_SINCE_KEY = "seatguard:presence-indexed-since";
    /**
     * How long older nodes may go on writing after the first node of this release connected: a rolling
     * upgrade replaces them within minutes. docs/production.md says what to do when it takes longer, or
     * after going back to the previous release.
     */
    static final Duration UPGRADE_GRACE = Duration.ofHours(1);
    /** Keys a SCAN call looks at: the walk goes this many at a time and never blocks Redis. */
    static final int SCAN_COUNT = 1_000;

    /** Until when, on this node's clock, a key without an index entry may still be there. */
    private final Instant walkUntil;

    private UnindexedOpenings(Instant walkUntil) {
        this.walkUntil = walkUntil;
    }

    /**
     * Remembers in {@code sinceKey} that nodes index from now on, unless one said so before (that earlier
     * time stands), and reads the time back. A time that cannot be read (the key gone meanwhile, or
     * edited by hand) counts as now: the walk is then made for longer than needed, never for shorter.
     */
    static UnindexedOpenings since(RedisCommands<String, String> redis, String sinceKey) {
        long redisNow = millis(redis.time());
        redis.set(sinceKey, Long.toString(redisNow), SetArgs.Builder.nx());
        long since = millisOr(redis.get(sinceKey), redisNow);
        long left = since + Presence.OPENED_MEMORY.plus(UPGRADE_GRACE).toMillis() - redisNow;
        // On this node's clock from here on, so that an erasure asks Redis for nothing more.
        return new UnindexedOpenings(Instant.now().plusMillis(left));
    }

    /** Whether an erasure must still walk the key space for keys the index does not list. */
    boolean walkDue() {
        return Instant.now().isBefore(walkUntil);
    }

    /** The session ids of the keys named {@code prefix} and a session id: a walk over all of Redis's keys. */
    static List<String> sessionsNamed(RedisCommands<String, String> redis, String prefix) {
        ScanArgs args = ScanArgs.Builder.matches(globEscaped(prefix) + "*").limit(SCAN_COUNT);
        List<String> sessions = new ArrayList<>();
        KeyScanCursor<String> cursor = redis.scan(args);
        while (true) {
            cursor.getKeys().forEach(key -> sessions.add(key.substring(prefix.length())));
            if (cursor.isFinished()) {
                return sessions;
            }
            cursor = redis.scan(ScanCursor.of(cursor.getCursor()), args);
        }
    }

    /** {@code text} matched literally by a SCAN pattern: a user id may hold {@code * ? [ ] \}. */
    static String globEscaped(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static long millisOr(String stored, long otherwise) {
        try {
            return stored == null ? otherwise : Long.parseLong(stored);
        }
        catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** Redis's TIME answer, seconds and microseconds, in milliseconds. */
    static long millis(List<String> time) {
        return Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
    }
}
