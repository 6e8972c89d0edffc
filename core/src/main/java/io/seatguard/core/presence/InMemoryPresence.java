package io.seatguard.core.presence;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Presence for a single server node, in memory. A session is live for {@link #activeWindow} after its
 * last heartbeat; expired sessions are dropped when their account is touched, and once a window every
 * account is swept (on the touch that finds the sweep due), so memory follows the live sessions, not every
 * account ever seen, and an account keeps at most {@link #MAX_SESSIONS_PER_ACCOUNT}. Which sessions an
 * allowed evaluation opened is remembered apart ({@link OpenedSessions}), for {@link #OPENED_MEMORY}.
 * Each app counts the sessions it holds, so that past its cap a new unvouched one is refused
 * ({@link #DEFAULT_MAX_LIVE_PER_APP}).
 */
public final class InMemoryPresence implements Presence {
    /** The SDK beats every 30 s; three missed beats (a sleeping laptop, a dead tab) end the session. */
    public static final Duration DEFAULT_ACTIVE_WINDOW = Duration.ofSeconds(90);

    private final Duration activeWindow;
    private final Map<String, Map<String, LiveSession>> byAccount = new ConcurrentHashMap<>();
    /**
     * When each recently ended session ended, by "app\0user\0session": a touch from before that does not
     * bring it back. Kept a window (a touch older than that is expired when it lands anyway).
     */
    private final Map<String, Instant> ended = new ConcurrentHashMap<>();
    /** The most ended-session marks kept for sessions this node did not know (neither live nor opened) when they ended. */
    static final int MAX_ENDED_MARKS = 100_000;
    /** Which sessions an allowed evaluation opened, on which device and whether vouched for: the only ones a heartbeat resumes. */
    private final OpenedSessions opened;
    /** When the next sweep of every account is due, by the touches' own clock. */
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);
    /** The most sessions an app holds before a new unvouched one is refused ({@link #DEFAULT_MAX_LIVE_PER_APP}). */
    private final long maxLivePerApp;
    /**
     * How many sessions each app holds in {@link #byAccount}, changed inside the account's own update
     * (so it follows every put, push-out, end and sweep), expired ones until a sweep drops them. Reading
     * it costs nothing, where counting would walk every account on every touch. Touches of different
     * accounts update it apart, so an app may go a few over its cap under concurrent touches, never more
     * than the touches running at once.
     */
    private final Map<String, AtomicLong> heldByApp = new ConcurrentHashMap<>();
    /**
     * For each app, no later than the oldest last sign of life among the sessions it holds (ms): once that
     * is a window ago, some of what {@link #heldByApp} counts may have expired. An app found at its cap
     * then is swept at once ({@link #FULL_SWEEP_INTERVAL}), not at the next once-a-window sweep: counting
     * sessions gone quiet up to a window ago refused newcomers, and their heartbeats, below the cap.
     */
    private final Map<String, AtomicLong> oldestHeldByApp = new ConcurrentHashMap<>();
    /**
     * The most often a sweep runs early because an app at its cap may hold expired sessions: a walk of
     * every account, so a flood keeping an app at its cap costs one such walk per this part of the window
     * (3 s by default), and the cap counts sessions live to within it, where Redis counts them exactly.
     */
    static final int FULL_SWEEPS_PER_WINDOW = 30;
    private final Duration fullSweepInterval;
    private final LongAdder refusedOverAppCap = new LongAdder();
    /**
     * By app, the sessions the app's cap refused whose openings are kept only so that a heartbeat brings
     * them back once there is room, the one refused longest ago first; at most {@link #maxWaitingPerApp},
     * past which the first's opening is forgotten ({@link #MAX_WAITING_PER_APP}). Without it, a flood the
     * cap refused still filled {@link #opened}, pushing out the openings of real tabs.
     */
    private final Map<String, WaitingSessions> waitingByApp = new ConcurrentHashMap<>();
    private final int maxWaitingPerApp;

    public InMemoryPresence(Duration activeWindow) {
        this(activeWindow, DEFAULT_MAX_LIVE_PER_APP);
    }

    public InMemoryPresence(Duration activeWindow, long maxLivePerApp) {
        this(activeWindow, maxLivePerApp, OpenedSessions.MAX_HELD);
    }

    /**
     * With a cap of its own on the sessions whose opening is remembered; for the test that it holds. A
     * factory, not a constructor: next to the public one taking a long, an int would pick the wrong cap.
     */
    static InMemoryPresence withOpenedCap(Duration activeWindow, int maxOpenedHeld) {
        return new InMemoryPresence(activeWindow, DEFAULT_MAX_LIVE_PER_APP, maxOpenedHeld);
    }

    private InMemoryPresence(Duration activeWindow, long maxLivePerApp, int maxOpenedHeld) {
        this.activeWindow = requireNonNull(activeWindow, "activeWindow is null");
        if (activeWindow.isNegative() || activeWindow.isZero()) {
            throw new IllegalArgumentException("activeWindow must be positive: " + activeWindow);
        }
        if (maxLivePerApp < 1) {
            throw new IllegalArgumentException("maxLivePerApp must be positive: " + maxLivePerApp);
        }
        this.maxLivePerApp = maxLivePerApp;
        this.maxWaitingPerApp = (int) Math.min(maxLivePerApp, MAX_WAITING_PER_APP);
        this.fullSweepInterval = activeWindow.dividedBy(FULL_SWEEPS_PER_WINDOW);
        this.opened = new OpenedSessions(OPENED_MEMORY, maxOpenedHeld);
    }

    @Override
    public void touch(String appId, String userId, LiveSession session) {
        // First, so sessions expired since the last sweep no longer count against the app's cap (put).
        sweepIfDue(session.lastSeen(), appId);
        boolean[] joined = {false};
        byAccount.compute(key(appId, userId), (k, sessions) -> {
            // Checked under the account's lock, which end() takes too, so a touch and an end never cross.
            int held = size(sessions);
            Instant endedAt = ended.get(k + '\u0000' + session.sessionId());
            if (endedAt != null && !session.lastSeen().isAfter(endedAt)) {
                return sessions;
            }
            if (endedAt != null) {
                // The tab's next page opened it again: that opening is one a heartbeat may resume, as the
                // end no longer stands (Redis likewise overwrites its end mark with the live session).
                ended.remove(k + '\u0000' + session.sessionId());
            }
            String openedKey = k + '\u0000' + session.sessionId();
            LiveSession kept = session.vouched() || !wasVouched(sessions, openedKey, session) ? session
                    : new LiveSession(session.sessionId(), session.deviceId(), session.deviceType(), session.ip(), session.lastSeen(), true);
            boolean wasOpened = opened.find(openedKey, kept.lastSeen()).isPresent();
            opened.remember(openedKey, new OpenedSession(kept.deviceId(), kept.deviceType(), kept.vouched()), kept.lastSeen());
            boolean[] refused = {false};
            Map<String, LiveSession> live = put(appId, sessions, kept, refused);
            joined[0] = waiting(appId, k, session.sessionId(), refused[0], !wasOpened, kept.lastSeen());
            return counted(appId, held, live);
        });
        if (joined[0]) {
            pushOutPastTheBound(waitingByApp.get(appId));
        }
    }

    /**
     * Keeps the app's waiting sessions ({@link #waitingByApp}) after a touch or resume of the account's
     * {@code sessionId} at {@code at}, under the account's lock: one the cap refused joins them when its
     * opening is new (else it only moves back, if there); one kept leaves them, its opening now an ordinary
     * one. Answers whether it joined: then the caller, once it no longer holds the account's lock, pushes
     * out what is past the bound ({@link #pushOutPastTheBound}).
     */
    private boolean waiting(String appId, String account, String sessionId, boolean refused, boolean newOpening, Instant at) {
        if (!refused) {
            WaitingSessions waiting = waitingByApp.get(appId);
            if (waiting != null) {
                waiting.leave(account + '\u0000' + sessionId);
            }
            return false;
        }
        return waitingByApp.computeIfAbsent(appId, app -> new WaitingSessions(maxWaitingPerApp, OPENED_MEMORY))
                .refused(account, sessionId, at, newOpening);
    }

    /**
     * Forgets the openings of the sessions refused longest ago while more than the bound wait, each under
     * its own account's lock, as every other change of a session's opening is made (touch, resume, end).
     * Forgotten from outside it, the opening a tab of that account had just remembered, let in at that
     * moment, was lost (found in review): the tab was live, but no heartbeat resumed it once it lapsed, and
     * its vouching was forgotten. Run after the joining account's update, so that no two accounts' locks
     * are ever held at once; meanwhile more may join, so the bound may be passed by as many as the refusals
     * running at once, as the app's cap may be.
     */
    private void pushOutPastTheBound(WaitingSessions waiting) {
        for (Optional<WaitingSessions.Waiting> first = waiting.firstPastTheBound(); first.isPresent(); first = waiting.firstPastTheBound()) {
            WaitingSessions.Waiting out = first.get();
            byAccount.compute(out.account(), (k, sessions) -> {
                if (waiting.pushOut(out)) {
                    opened.forget(out.key());
                }
                return sessions;
            });
        }
    }

    /** The session ended or its account was erased: it no longer waits (its opening is gone or logged out). */
    private void stopWaiting(String appId, String session) {
        WaitingSessions waiting = waitingByApp.get(appId);
        if (waiting != null) {
            waiting.leave(session);
        }
    }

    /** Whether a vouched evaluation touched the session before, live or still remembered: it stays so (Presence#touch). */
    private boolean wasVouched(Map<String, LiveSession> sessions, String openedKey, LiveSession session) {
        LiveSession live = sessions == null ? null : sessions.get(session.sessionId());
        return live != null && live.vouched() || opened.find(openedKey, session.lastSeen()).map(OpenedSession::vouched).orElse(false);
    }

    @Override
    public Optional<OpenedSession> opened(String appId, String userId, String sessionId, Instant now) {
        return opened.find(key(appId, userId) + '\u0000' + sessionId, now);
    }

    @Override
    public Optional<String> loggedOutOn(String appId, String userId, String sessionId, Instant now) {
        return opened.loggedOutOn(key(appId, userId) + '\u0000' + sessionId, now);
    }

    @Override
    public boolean resume(String appId, String userId, String sessionId, String ip, Instant at) {
        boolean[] resumed = {false};
        sweepIfDue(at, appId);
        byAccount.compute(key(appId, userId), (k, sessions) -> {
            int held = size(sessions);
            String session = k + '\u0000' + sessionId;
            // A remembered end refuses it whatever its time; an ended session's opening is forgotten too.
            Optional<OpenedSession> known = ended.containsKey(session) ? Optional.empty() : opened.find(session, at);
            if (known.isEmpty()) {
                return sessions;
            }
            opened.seen(session, at);
            boolean[] refused = {false};
            Map<String, LiveSession> live = put(appId, sessions,
                    new LiveSession(sessionId, known.get().deviceId(), known.get().deviceType(), ip, at, known.get().vouched()), refused);
            waiting(appId, k, sessionId, refused[0], false, at);
            // Not kept when the account is full of other devices' sessions (pushOutOne), or the app is full (put):
            // then an expired entry of it may still be there (put leaves the account as it was), which is not live.
            LiveSession kept = live == null ? null : live.get(sessionId);
            resumed[0] = kept != null && !expired(kept, at);
            return counted(appId, held, live);
        });
        return resumed[0];
    }

    /**
     * The account's sessions with this one live (a later or equal sign of life wins), its expired ones
     * dropped, kept at the cap; unchanged when the session is a new unvouched one and its app holds
     * {@link #maxLivePerApp} already (made-up accounts would otherwise grow memory without bound): then
     * {@code refused[0]} is set.
     */
    private Map<String, LiveSession> put(String appId, Map<String, LiveSession> sessions, LiveSession session, boolean[] refused) {
        LiveSession current = sessions == null ? null : sessions.get(session.sessionId());
        boolean isNew = current == null || expired(current, session.lastSeen());
        if (isNew && !session.vouched() && heldBy(appId).get() >= maxLivePerApp) {
            refusedOverAppCap.increment();
            refused[0] = true;
            return sessions;
        }
        Map<String, LiveSession> live = sessions == null ? new ConcurrentHashMap<>() : sessions;
        // On a tie the last said wins, as it does for the session's opening (OpenedSessions#remember) and in Redis.
        live.merge(session.sessionId(), session, (old, now) -> now.lastSeen().isBefore(old.lastSeen()) ? old : now);
        heldSince(appId, session.lastSeen());
        live.values().removeIf(other -> expired(other, session.lastSeen()));
        if (live.size() > MAX_SESSIONS_PER_ACCOUNT) {
            pushOutOne(live, session.sessionId());
        }
        return live;
    }

    /**
     * Keeps the account at the cap ({@link #MAX_SESSIONS_PER_ACCOUNT}) once {@code added} took it one past:
     * the oldest session of the device holding the most goes (on a tie, the oldest of those devices'), so
     * one device opening sessions by the hundred pushes out its own. When no device holds two, {@code added}
     * itself is not kept: pushing out the oldest would be the owner's tab, and a sharer with a hundred
     * made-up devices would hide it from {@code concurrent_sessions}. Kept at the limit, so these walks are
     * bounded too.
     */
    private static void pushOutOne(Map<String, LiveSession> live, String added) {
        Map<String, Integer> held = new HashMap<>();
        live.values().forEach(session -> held.merge(session.deviceId(), 1, Integer::sum));
        String pushedOut = live.values().stream()
                .filter(session -> held.get(session.deviceId()) > 1)
                .max(Comparator.comparingInt((LiveSession session) -> held.get(session.deviceId()))
                        .thenComparing(LiveSession::lastSeen, Comparator.reverseOrder()))
                .map(LiveSession::sessionId)
                .orElse(added);
        live.remove(pushedOut);
    }

    private AtomicLong heldBy(String appId) {
        return heldByApp.computeIfAbsent(appId, app -> new AtomicLong());
    }

    /** Lowers the app's oldest held sign of life ({@link #oldestHeldByApp}) to {@code lastSeen}; a read alone when it is not older. */
    private void heldSince(String appId, Instant lastSeen) {
        long seen = lastSeen.toEpochMilli();
        AtomicLong oldest = oldestHeldByApp.computeIfAbsent(appId, app -> new AtomicLong(Long.MAX_VALUE));
        if (seen < oldest.get()) {
            oldest.accumulateAndGet(seen, Math::min);
        }
    }

    /** Whether the app is at its cap and may hold sessions expired at {@code now}: then a sweep is worth running early. */
    private boolean fullOfQuietSessions(String appId, Instant now) {
        AtomicLong held = heldByApp.get(appId);
        AtomicLong oldest = oldestHeldByApp.get(appId);
        return held != null && held.get() >= maxLivePerApp && oldest != null && oldest.get() + activeWindow.toMillis() <= now.toEpochMilli();
    }

    private static int size(Map<String, LiveSession> sessions) {
        return sessions == null ? 0 : sessions.size();
    }

    /** Adds what the account's update changed to its app's count ({@link #heldByApp}); answers the account's sessions. */
    private Map<String, LiveSession> counted(String appId, int heldBefore, Map<String, LiveSession> sessions) {
        int change = size(sessions) - heldBefore;
        if (change != 0) {
            heldBy(appId).addAndGet(change);
        }
        return sessions;
    }

    @Override
    public long refusedOverAppCap() {
        return refusedOverAppCap.sum();
    }

    @Override
    public Optional<String> refresh(String appId, String userId, String sessionId, String ip, Instant at) {
        String[] live = {null};
        byAccount.computeIfPresent(key(appId, userId), (k, sessions) -> {
            LiveSession current = sessions.get(sessionId);
            if (current != null && !expired(current, at)) {
                live[0] = current.deviceId();
                if (at.isAfter(current.lastSeen())) {
                    sessions.put(sessionId, new LiveSession(sessionId, current.deviceId(), current.deviceType(), ip, at, current.vouched()));
                    opened.seen(k + '\u0000' + sessionId, at);
                }
            }
            return sessions;
        });
        return Optional.ofNullable(live[0]);
    }

    private void sweepIfDue(Instant now) {
        sweepIfDue(now, false);
    }

    /** As below, and early (at most every {@link #fullSweepInterval}) when the app is at its cap with sessions that may have expired. */
    private void sweepIfDue(Instant now, String appId) {
        sweepIfDue(now, fullOfQuietSessions(appId, now));
    }

    /**
     * Drops every expired session, and every account left without one, at most once a window: an account
     * never touched again would otherwise keep its entry for good (and the dashboard's count walks them all).
     * Each app's oldest held sign of life is found again on the way (and lowered by touches meanwhile).
     */
    private void sweepIfDue(Instant now, boolean early) {
        Instant due = nextSweep.get();
        // The last sweep was a window before the one due; Instant.MIN (none yet) is due at once.
        boolean dueNow = !now.isBefore(due) || early && !now.isBefore(due.minus(activeWindow).plus(fullSweepInterval));
        if (!dueNow || !nextSweep.compareAndSet(due, now.plus(activeWindow))) {
            return;
        }
        ended.values().removeIf(at -> !at.plus(activeWindow).isAfter(now));
        opened.sweep(now);
        oldestHeldByApp.values().forEach(oldest -> oldest.set(Long.MAX_VALUE));
        for (String account : byAccount.keySet()) {
            byAccount.computeIfPresent(account, (k, sessions) -> {
                int held = sessions.size();
                sessions.values().removeIf(session -> expired(session, now));
                String appId = k.substring(0, k.indexOf('\u0000'));
                counted(appId, held, sessions);
                sessions.values().forEach(session -> heldSince(appId, session.lastSeen()));
                return sessions.isEmpty() ? null : sessions;
            });
        }
    }

    /** How many ended-session marks are kept; for the test that they stay bounded. */
    int endedHeld() {
        return ended.size();
    }

    /** How many sessions' openings are remembered; for the test that they stay bounded. */
    int openedHeld() {
        return opened.held();
    }

    /** How many refused sessions wait for room over all apps; for the test that they stay bounded. */
    int waitingHeld() {
        return waitingByApp.values().stream().mapToInt(WaitingSessions::size).sum();
    }

    /** How many of the account's sessions wait for room; for the test that an erasure leaves none. */
    int waitingOf(String appId, String userId) {
        WaitingSessions waiting = waitingByApp.get(appId);
        return waiting == null ? 0 : waiting.countOf(key(appId, userId) + '\u0000');
    }

    /** How many accounts have an entry; for the test that they do not pile up. */
    int accountsHeld() {
        return byAccount.size();
    }

    @Override
    public void end(String appId, String userId, String sessionId, Instant at) {
        end(appId, userId, sessionId, at, false);
    }

    @Override
    public void endLoggedOut(String appId, String userId, String sessionId, Instant at) {
        end(appId, userId, sessionId, at, true);
    }

    private void end(String appId, String userId, String sessionId, Instant at, boolean loggedOut) {
        byAccount.compute(key(appId, userId), (k, sessions) -> {
            int held = size(sessions);
            ended(appId, k, sessions, sessionId, at, loggedOut);
            counted(appId, held, sessions);
            return sessions == null || sessions.isEmpty() ? null : sessions;
        });
        sweepIfDue(at);
    }

    /** Ends the session of {@code account} (its sessions {@code sessions}, or null): run under the account's lock. */
    private void ended(String appId, String account, Map<String, LiveSession> sessions, String sessionId, Instant at, boolean loggedOut) {
        String session = account + '\u0000' + sessionId;
        // Ends of sessions this node knows (live, or opened and remembered: pushed out by the cap, lapsed)
        // are always remembered. Past the cap, ends of unknown sessions (random ids sent with the public
        // client id) are not: they would otherwise grow memory for a whole window at a time. The cost is
        // the rare first page whose evaluation lands after its own end while 100,000 such ends are held.
        LiveSession live = sessions == null ? null : sessions.get(sessionId);
        // No heartbeat resumes an ended session, however late it comes; a logout keeps its device (loggedOutOn).
        boolean known = opened.end(session,
                Optional.ofNullable(live).map(was -> new OpenedSession(was.deviceId(), was.deviceType(), was.vouched())), at, loggedOut);
        stopWaiting(appId, session);
        if (known || ended.size() < MAX_ENDED_MARKS) {
            ended.merge(session, at, (old, now) -> now.isAfter(old) ? now : old);
        }
        if (sessions != null) {
            sessions.remove(sessionId);
        }
    }

    /**
     * The whole erasure under the account's lock, which every touch, resume, end and push-out of it takes
     * too: a touch racing it lands wholly before (and is erased) or wholly after (and stays, new activity).
     * The steps of {@link Presence#endAll} one after another let a touch land between its read of the live
     * sessions and its last forgetting of the openings: its session stayed live, its opening forgotten, a
     * live tab of an erased account that no heartbeat resumes once it lapses. Under the lock one forgetting
     * is enough: no logout can land between the ends and it to name a device.
     */
    @Override
    public void endAll(String appId, String userId, Instant now) {
        byAccount.compute(key(appId, userId), (k, sessions) -> {
            int held = size(sessions);
            if (sessions != null) {
                for (LiveSession session : List.copyOf(sessions.values())) {
                    if (!expired(session, now)) {
                        ended(appId, k, sessions, session.sessionId(), now, false);
                    }
                }
            }
            forgotten(appId, k);
            // Its expired sessions go too (a sweep would drop them): nothing of the account is left.
            counted(appId, held, null);
            return null;
        });
        sweepIfDue(now);
    }

    /** Under the account's lock, so a touch of it lands wholly before or after (see endAll). */
    @Override
    public void forgetOpenings(String appId, String userId) {
        byAccount.compute(key(appId, userId), (k, sessions) -> {
            forgotten(appId, k);
            return sessions;
        });
    }

    /** Forgets the openings of {@code account}'s sessions, and those of them waiting for room: run under its lock. */
    private void forgotten(String appId, String account) {
        String prefix = account + '\u0000';
        opened.forgetAll(prefix);
        // Its sessions waiting for room name the account too, and nothing else would drop them: an
        // erasure leaves no trace of it (a walk of at most maxWaitingPerApp, and erasures are rare).
        WaitingSessions waiting = waitingByApp.get(appId);
        if (waiting != null) {
            waiting.leaveAll(prefix);
        }
    }

    @Override
    public List<LiveSession> live(String appId, String userId, Instant now) {
        Map<String, LiveSession> sessions = byAccount.get(key(appId, userId));
        if (sessions == null) {
            return List.of();
        }
        List<LiveSession> live = new ArrayList<>();
        for (LiveSession session : sessions.values()) {
            if (!expired(session, now)) {
                live.add(session);
            }
        }
        return live;
    }

    @Override
    public long liveSessions(String appId, Instant now) {
        String prefix = appId + '\u0000';
        long live = 0;
        for (Map.Entry<String, Map<String, LiveSession>> account : byAccount.entrySet()) {
            if (account.getKey().startsWith(prefix)) {
                live += account.getValue().values().stream().filter(session -> !expired(session, now)).count();
            }
        }
        return live;
    }

    private boolean expired(LiveSession session, Instant now) {
        return !session.lastSeen().plus(activeWindow).isAfter(now);
    }

    private static String key(String appId, String userId) {
        return appId + '\u0000' + userId;
    }
}
