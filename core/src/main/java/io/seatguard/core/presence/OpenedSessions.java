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
 * heartbeat. A session its device's logout ended is kept as logged out ({@link #end}), a memory from that
 * end, on the device it was opened on: no heartbeat resumes it, but a heartbeat without a token learns its
 * device was logged out ({@link Presence#loggedOutOn}).
 */
final class OpenedSessions {
    static final int MAX_HELD = 100_000;

    private record Opened(Presence.OpenedSession session, Instant lastSeen, boolean loggedOut) {}

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
        byKey.put(key, new Opened(session, at, false));
        trim();
    }

    private void trim() {
        if (byKey.size() > maxHeld) {
            Iterator<String> eldest = byKey.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    /** Forgets the session's opening, unless a logout ended it (what {@link #loggedOutOn} reads stays). */
    synchronized void forget(String key) {
        Opened kept = byKey.get(key);
        if (kept != null && !kept.loggedOut()) {
            byKey.remove(key);
        }
    }

    /** A sign of life of a remembered session: its memory runs from {@code at} now, on the same device and vouching. */
    synchronized void seen(String key, Instant at) {
        Opened kept = byKey.get(key);
        if (kept == null || kept.loggedOut() || !at.isAfter(kept.lastSeen())) {
            return;
        }
        byKey.remove(key);
        byKey.put(key, new Opened(kept.session(), at, false));
    }

    /** The session's opening, while remembered and not logged out. */
    synchronized Optional<Presence.OpenedSession> find(String key, Instant now) {
        Opened kept = byKey.get(key);
        if (kept == null || kept.loggedOut() || forgotten(kept, now)) {
            return Optional.empty();
        }
        return Optional.of(kept.session());
    }

    /** The device a session its logout ended was opened on, a memory from that end (until an evaluation opens it again). */
    synchronized Optional<String> loggedOutOn(String key, Instant now) {
        Opened kept = byKey.get(key);
        if (kept == null || !kept.loggedOut() || forgotten(kept, now)) {
            return Optional.empty();
        }
        return Optional.of(kept.session().deviceId());
    }

    /**
     * The session ended at {@code at}: its opening is forgotten, or, when its device was logged out
     * ({@code loggedOut}), kept as logged out, no longer found, on the device it was opened on (or, when
     * no opening is remembered, {@code live}'s: the session as it was live). A session already logged out
     * stays so through a later end, remembered a memory from that end. Answers whether the session was
     * known (live or opened).
     */
    synchronized boolean end(String key, Optional<Presence.OpenedSession> live, Instant at, boolean loggedOut) {
        Opened kept = byKey.get(key);
        if (kept != null && forgotten(kept, at)) {
            kept = null;
        }
        Optional<Presence.OpenedSession> session = kept != null ? Optional.of(kept.session()) : live;
        if (session.isEmpty()) {
            return false;
        }
        if (!loggedOut && (kept == null || !kept.loggedOut())) {
            if (kept != null) {
                byKey.remove(key);
            }
            return true;
        }
        // Remembered a memory from its last end (a page hide after the logout too), as in Redis.
        Instant last = kept != null && kept.loggedOut() && kept.lastSeen().isAfter(at) ? kept.lastSeen() : at;
        byKey.remove(key);
        byKey.put(key, new Opened(session.get(), last, true));
        trim();
        return true;
    }

    /**
     * Forgets every session whose key starts with {@code prefix} ("app\0user\0": an erased account's). A
     * walk over what is held (at most {@link #MAX_HELD}), for an erasure, which is rare.
     */
    synchronized void forgetAll(String prefix) {
        byKey.keySet().removeIf(key -> key.startsWith(prefix));
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
