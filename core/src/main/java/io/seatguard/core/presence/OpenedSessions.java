package io.seatguard.core.presence;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * {@link InMemoryPresence}'s memory of which sessions an allowed evaluation opened, on which device and
 * whether vouched for ({@link Presence#opened}): each is kept a memory ({@link Presence#OPENED_MEMORY}) after its last sign
 * of life, and at most {@link #MAX_HELD} are, the one quiet longest going first. Anyone holding the public
 * client id can have sessions opened (allowed page views with made-up session ids), so the memory must
 * stay bounded; a session pushed out only comes back with its tab's next evaluation instead of its next
 * heartbeat.
 */
final class OpenedSessions {
    static final int MAX_HELD = 100_000;

    private record Opened(Presence.OpenedSession session, Instant lastSeen) {}

    private final Duration memory;
    private final int maxHeld;
    /** By "app\0user\0session", the least recently seen first (each sign of life moves its entry to the end). */
    private final LinkedHashMap<String, Opened> byKey = new LinkedHashMap<>();

    OpenedSessions(Duration memory, int maxHeld) {
        this.memory = requireNonNull(memory, "memory is null");
        this.maxHeld = maxHeld;
    }

    /** An allowed evaluation opened the session at {@code at} as {@code session} says; a touch older than the one kept changes nothing. */
    synchronized void remember(String key, Presence.OpenedSession session, Instant at) {
        Opened kept = byKey.get(key);
        if (kept != null && kept.lastSeen().isAfter(at)) {
            return;
        }
        byKey.remove(key);
        byKey.put(key, new Opened(session, at));
        if (byKey.size() > maxHeld) {
            Iterator<String> eldest = byKey.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    /** A sign of life of a remembered session: its memory runs from {@code at} now, on the same device and vouching. */
    synchronized void seen(String key, Instant at) {
        Opened kept = byKey.get(key);
        if (kept == null || !at.isAfter(kept.lastSeen())) {
            return;
        }
        byKey.remove(key);
        byKey.put(key, new Opened(kept.session(), at));
    }

    synchronized Optional<Presence.OpenedSession> find(String key, Instant now) {
        Opened kept = byKey.get(key);
        if (kept == null || forgotten(kept, now)) {
            return Optional.empty();
        }
        return Optional.of(kept.session());
    }

    synchronized void forget(String key) {
        byKey.remove(key);
    }

    /** Drops every session quiet for a whole memory at {@code now}. */
    synchronized void sweep(Instant now) {
        byKey.values().removeIf(kept -> forgotten(kept, now));
    }

    synchronized int held() {
        return byKey.size();
    }

    private boolean forgotten(Opened kept, Instant now) {
        return !kept.lastSeen().plus(memory).isAfter(now);
    }
}
