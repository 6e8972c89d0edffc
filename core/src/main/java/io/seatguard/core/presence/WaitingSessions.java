package io.seatguard.core.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One app's sessions its cap refused whose openings {@link InMemoryPresence} keeps only so that a heartbeat
 * brings them back once there is room ({@link Presence#MAX_WAITING_PER_APP}). They are ordered by when each
 * was last refused, by the refusal's own time (the touch's or the heartbeat's), as Redis scores its waiting
 * set: the one refused longest ago is pushed out first, though a touch from another node, or a slow
 * evaluation, lands after later ones. A later refusal of a waiting session moves it back; an earlier one
 * landing late does not move it forward. On a tie, by account and session id (Redis: by member), an order
 * nobody relies on.
 *
 * <p>Only the presence decides when a session joins or is pushed out, holding that session's account's lock
 * (so that its opening is forgotten by no one else, {@link InMemoryPresence#touch}); this keeps the order
 * and the bound, under its own lock.
 */
final class WaitingSessions {
    /** A waiting session: its account ("app\0user"), its id, and when it was last refused. */
    record Waiting(String account, String sessionId, Instant refusedAt) {
        /** "app\0user\0session", as presence names the session's opening. */
        String key() {
            return account + '\u0000' + sessionId;
        }
    }

    private static final Comparator<Waiting> REFUSED_LONGEST_AGO_FIRST = Comparator.comparing(Waiting::refusedAt)
            .thenComparing(Waiting::account).thenComparing(Waiting::sessionId);

    private final int max;
    private final Duration memory;
    /**
     * Every waiting session by its key, a concurrent map so that {@link #leave} can tell without the lock
     * that a session does not wait (the common case of every allowed touch); changed only under the lock,
     * with {@link #order}.
     */
    private final Map<String, Waiting> byKey = new ConcurrentHashMap<>();
    /** The same sessions, the one refused longest ago first; guarded by {@code this}. */
    private final TreeSet<Waiting> order = new TreeSet<>(REFUSED_LONGEST_AGO_FIRST);

    /** At most {@code max} wait (past it, {@link #firstPastTheBound}); one refused a {@code memory} ago no longer does. */
    WaitingSessions(int max, Duration memory) {
        this.max = max;
        this.memory = memory;
    }

    /**
     * The cap refused the session at {@code at}: one whose opening is new joins, and answers true (the set may
     * then be past its bound until the presence pushes out the first, {@link #pushOut}); one already waiting
     * moves back to {@code at} if that is later; any other stays out (a tab quiet past the window whose
     * opening was kept already takes no more than it did). Those refused a memory before {@code at} leave as
     * one joins, as in Redis: their openings have gone by themselves, and they would push out waiting ones.
     */
    synchronized boolean refused(String account, String sessionId, Instant at, boolean newOpening) {
        String key = account + '\u0000' + sessionId;
        Waiting was = byKey.get(key);
        if (newOpening) {
            Instant forgotten = at.minus(memory);
            while (!order.isEmpty() && !order.first().refusedAt().isAfter(forgotten)) {
                byKey.remove(order.pollFirst().key());
            }
        }
        else if (was == null || !at.isAfter(was.refusedAt())) {
            return false;
        }
        if (was != null) {
            order.remove(was);
        }
        Waiting now = new Waiting(account, sessionId, at);
        order.add(now);
        byKey.put(key, now);
        return newOpening;
    }

    /**
     * The session no longer waits (live, ended or erased). Called for every allowed touch, so the common case,
     * a session that does not wait, takes no lock: the caller holds the session's account's lock, and a
     * session joins only under that lock ({@link #refused}), so no join of it can be under way or unseen
     * (the concurrent map shows every completed one). Other sessions' pushes out and expiries may remove it
     * meanwhile: a stale "waits" then only takes the lock to find nothing to remove.
     */
    void leave(String key) {
        if (!byKey.containsKey(key)) {
            return;
        }
        synchronized (this) {
            Waiting was = byKey.remove(key);
            if (was != null) {
                order.remove(was);
            }
        }
    }

    /** The session refused longest ago, when more than the bound wait: the one to {@link #pushOut}. */
    synchronized Optional<Waiting> firstPastTheBound() {
        return order.size() > max ? Optional.of(order.first()) : Optional.empty();
    }

    /**
     * Takes {@code first} out if it is still the first past the bound, and answers whether it did: meanwhile
     * its tab may have been refused again (moved back), let in or ended, or another session pushed out.
     * The caller holds {@code first}'s account's lock, and forgets its opening when this answers true.
     */
    synchronized boolean pushOut(Waiting first) {
        if (order.size() <= max || !order.first().equals(first)) {
            return false;
        }
        order.pollFirst();
        byKey.remove(first.key());
        return true;
    }

    /** Takes out every session whose key starts with {@code prefix} ("app\0user\0": an erased account's). */
    synchronized void leaveAll(String prefix) {
        order.removeIf(waiting -> waiting.key().startsWith(prefix));
        byKey.keySet().removeIf(key -> key.startsWith(prefix));
    }

    synchronized int size() {
        return order.size();
    }

    /** How many sessions whose key starts with {@code prefix} wait; for tests. */
    synchronized int countOf(String prefix) {
        return (int) order.stream().filter(waiting -> waiting.key().startsWith(prefix)).count();
    }
}
