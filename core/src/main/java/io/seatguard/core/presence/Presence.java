package io.seatguard.core.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Port: which sessions of an account are live now. A session is one tab of the SDK, kept alive by its
 * heartbeats and evaluations (CONTRACT.md "Presence") and gone at once when it ends. One node keeps it
 * in memory ({@link InMemoryPresence}); several nodes share it in Redis.
 */
public interface Presence {
    /**
     * The most live sessions kept per account. A session beyond it pushes out the oldest one of the device
     * holding the most (on a tie, the one with the oldest sign of life of those devices'); when no device
     * holds two, the session beyond it is the one not kept. One person has a few tabs and devices; a bot
     * logging into an account from a new session on every request would otherwise make each of its
     * evaluations walk tens of thousands of them. Pushing out the busiest device's oldest session, not the
     * account's, means one device opening sessions by the hundred pushes out its own; and refusing the
     * newcomer when every device holds one means a hundred made-up devices (allowed page views sent with
     * the public client id) cannot push out a live session either: no established session is pushed out
     * but by another of its own device's, so a flood cannot hide the owner's live tab from
     * {@code concurrent_sessions}. An account with that many live at once is not one person's, though a
     * session not kept does not count for it.
     */
    int MAX_SESSIONS_PER_ACCOUNT = 100;

    /**
     * The default most live sessions an app keeps over all its accounts before it refuses new unvouched
     * ones ({@code --presence-max-live-per-app}). The per-account cap bounds one account, not how many
     * accounts there are: anyone holding the public client id can send allowed, unsigned page views for
     * millions of made-up accounts, and each opened a live session (memory on one node, a Redis hash and a
     * member of the app's sorted set on several) for a whole window. Only a new unvouched session is
     * refused past the cap; a vouched one (server mode, a signed identity) and one already live are always
     * kept, so honest signed traffic is never refused and a live tab never drops out. A refused session's
     * opening is still remembered, so its next heartbeat brings it back once there is room, as with the
     * per-account cap, but only among the app's waiting ones ({@link #MAX_WAITING_PER_APP}). A million is
     * far above what one deployment has live at once.
     */
    long DEFAULT_MAX_LIVE_PER_APP = 1_000_000;

    /**
     * The most sessions refused by the app's cap ({@link #DEFAULT_MAX_LIVE_PER_APP}) whose openings an app
     * keeps waiting for room, or its cap when that is lower; past it, the one refused longest ago is
     * forgotten, and comes back with its tab's next evaluation rather than its next heartbeat. Longest ago by
     * the time of its latest refusal (its page view's or heartbeat's), not by when that landed: every
     * adapter forgets the same one, though another node's refusal, or a slow one, lands after later ones. The cap is
     * there to stop a flood of made-up accounts from growing memory: had every refused opening been kept
     * for {@link #OPENED_MEMORY}, the flood the cap refused would have grown it all the same (a key and an
     * index per refused session in Redis for 12 hours). Only a new opening waits: a refused session whose
     * opening was already kept (a tab quiet past the window) takes no more than it did.
     */
    int MAX_WAITING_PER_APP = 10_000;

    /**
     * How long presence remembers that an allowed evaluation opened a session, after the session's last sign
     * of life: a heartbeat may {@link #resume} only such a session. Far longer than the window, so a tab
     * hidden for hours (a laptop asleep overnight is the long case) comes back by its next beat; a tab gone
     * quiet for longer comes back with its next evaluation.
     */
    Duration OPENED_MEMORY = Duration.ofHours(12);

    /**
     * Marks the session live at {@code at}, on the given device (the zero id when unknown) and network, and
     * remembers for {@link #OPENED_MEMORY} that it was opened on that device and device type, and whether
     * it is vouched for ({@link LiveSession#vouched}): once a vouched evaluation touched the session (live,
     * or still remembered), it stays vouched for through unsigned ones, so that a tab the backend vouched
     * for is not taken out of vouched evaluations' sight by its unsigned page views (or by a sharer's own
     * hand-made unsigned call). Only an
     * evaluation that lets its device in touches: that is what makes the session one a heartbeat may
     * {@link #resume}. A new session on an account at {@link #MAX_SESSIONS_PER_ACCOUNT} whose devices hold
     * one each is not kept live, though its opening is remembered: a heartbeat brings it back once there
     * is room. Likewise a new unvouched session on an app whose live sessions reached its cap
     * ({@link #DEFAULT_MAX_LIVE_PER_APP}), whose new opening is kept only among the app's waiting ones
     * ({@link #MAX_WAITING_PER_APP}).
     */
    void touch(String appId, String userId, LiveSession session);

    /**
     * The device, device type and vouching the session was last touched with, while that is remembered (for
     * {@link #OPENED_MEMORY} after its last sign of life, and not once it has ended); empty for a session
     * no allowed evaluation opened.
     */
    Optional<OpenedSession> opened(String appId, String userId, String sessionId, Instant now);

    /**
     * Brings back a session that lapsed (a tab hidden past the window, a restarted node), live at {@code at}
     * from {@code ip}, on the device and type {@link #opened} remembers: never one no allowed evaluation
     * opened (a session id made up, or a denied page's), and never one the SDK ended. It comes back vouched
     * for only if the evaluation that opened it was: a heartbeat vouches for nothing. A beat sent just before
     * the tab closed can reach the server after the tab's end, with a later time. The device is the one the
     * evaluation resolved, not the heartbeat's token's: a copied token must not move a sharer's session onto
     * the owner's device.
     *
     * @return whether the session is live now (false too when a cap keeps it out, {@link #MAX_SESSIONS_PER_ACCOUNT},
     *     or, for an unvouched one, the app's {@link #DEFAULT_MAX_LIVE_PER_APP})
     */
    boolean resume(String appId, String userId, String sessionId, String ip, Instant at);

    /**
     * Keeps a live session live: its last sign of life moves to {@code at} (never backwards) and its
     * network to {@code ip}, while the device, type and vouching it was touched with stay. A heartbeat carries only
     * the SDK's token, and a token can be copied: the evaluation that opened the session knew the device
     * better, and a heartbeat must not turn a sharer's session into the owner's device. The session's
     * opening is remembered {@link #OPENED_MEMORY} from this sign of life on.
     *
     * @return the device the live session is on (so a heartbeat whose token names no device, or another
     *     one, can still tell whether it was logged out); empty when the session is not live (never
     *     touched, expired or ended), and nothing changes then
     */
    Optional<String> refresh(String appId, String userId, String sessionId, String ip, Instant at);

    /**
     * Ends the session at {@code at}: it is gone at once, and a touch from before {@code at} that lands
     * later (the page's own evaluation or a heartbeat in flight when the tab closed) does not bring it
     * back; a touch from after it does (the same tab's next page). Its opening is forgotten, so no heartbeat
     * resumes it either, however late. Ending an unknown session does nothing but remember the end. The
     * end of a session the presence knows (live, or its opening remembered) is always remembered, however
     * many sessions the account has: the cap ({@link #MAX_SESSIONS_PER_ACCOUNT}) counts live sessions,
     * never ends.
     */
    void end(String appId, String userId, String sessionId, Instant at);

    /**
     * {@link #end}s the session because its device was logged out of the account, and keeps the device it
     * was on ({@link #opened}'s, else the live session's) for {@link #loggedOutOn}. A later {@link #end}
     * (the tab's own, on its page hide) leaves that so.
     */
    void endLoggedOut(String appId, String userId, String sessionId, Instant at);

    /**
     * The device a session {@link #endLoggedOut} ended was on, for {@link #OPENED_MEMORY} after its last
     * end and until an allowed evaluation opens the session again; empty for any other session, and for
     * one the presence knew nothing of when it ended. This is how a heartbeat without a token (or with another
     * device's copied token) learns that its tab's device was logged out. Only logouts keep it: every tab
     * ends its session on its page hide, and keeping each of those for hours would crowd out the openings
     * of live and hidden tabs.
     */
    Optional<String> loggedOutOn(String appId, String userId, String sessionId, Instant now);

    /** The account's sessions still live at {@code now}: at most {@link #MAX_SESSIONS_PER_ACCOUNT}. */
    List<LiveSession> live(String appId, String userId, Instant now);

    /**
     * How many times this node refused a new unvouched session (by {@link #touch} or {@link #resume}) because
     * its app's live sessions were at its cap ({@link #DEFAULT_MAX_LIVE_PER_APP}), since it started: a metric,
     * so an operator sees a flood of made-up accounts, or a cap set too low. Refusals, not sessions: a
     * session waiting for room is refused, and counted, at each of its page views and heartbeats.
     */
    long refusedOverAppCap();

    /** How many sessions of the app are live at {@code now}, over all its accounts (the dashboard's "active now"). */
    long liveSessions(String appId, Instant now);

    /**
     * {@link #live}, or empty when presence cannot be read (Redis down or slow): what depends on it is then
     * unknown, and the page or the evaluation that asked goes on without it.
     */
    default Optional<List<LiveSession>> liveIfReadable(String appId, String userId, Instant now) {
        try {
            return Optional.of(live(appId, userId, now));
        }
        catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@link #liveSessions}, or empty when presence cannot be read. */
    default OptionalLong liveSessionsIfReadable(String appId, Instant now) {
        try {
            return OptionalLong.of(liveSessions(appId, now));
        }
        catch (RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Ends the account's live sessions on one device (it was logged out of the account): {@link #endLoggedOut}. */
    default void endDevice(String appId, String userId, String deviceId, Instant now) {
        for (LiveSession session : live(appId, userId, now)) {
            if (session.deviceId().equals(deviceId)) {
                endLoggedOut(appId, userId, session.sessionId(), now);
            }
        }
    }

    /**
     * The account is being erased: ends every live session of it, and forgets the openings remembered of
     * its quiet ones ({@link #forgetOpenings}). Ending the live ones alone left each quiet session's
     * opening, its device and vouching, for {@link #OPENED_MEMORY}: once the account was made again on a
     * device that outlived the erasure (another account links it), a heartbeat of a tab from before the
     * erasure resumed its session into the new account (found in review). The openings go first: a
     * heartbeat can make a quiet session live only while its opening is there ({@link #resume}), so one
     * that resumed a tab before they went is among the live sessions read after, and is ended; read
     * before, the session it resumed stayed live, kept so by the tab's next heartbeats (found in review).
     * They are forgotten once more at the end: a logout landing between the two names the live session's
     * device in its end ({@link #endLoggedOut}), which would otherwise outlive the erasure by
     * {@link #OPENED_MEMORY}; once a session is ended here, a later logout finds no device to name.
     * A touch racing the erasure must land wholly before it (and be erased) or wholly after (its session
     * kept, live and remembered): these steps one after another do not ensure it, as a touch between the
     * read and the last forgetting kept its session live without its opening. The adapters override this
     * so: in memory the whole erasure holds the account's lock; Redis drops a session's live field in the
     * same script that forgets its opening.
     */
    default void endAll(String appId, String userId, Instant now) {
        forgetOpenings(appId, userId);
        for (LiveSession session : live(appId, userId, now)) {
            end(appId, userId, session.sessionId(), now);
        }
        forgetOpenings(appId, userId);
    }

    /**
     * Forgets every session opening remembered of the account ({@link #opened}, and what a logout's end
     * keeps for {@link #loggedOutOn}), so no heartbeat resumes one; ends already recorded stay, so that a
     * touch from before them still does not bring their sessions back.
     */
    void forgetOpenings(String appId, String userId);

    /**
     * What {@link #opened} remembers of a session an allowed evaluation opened: its device, that device's
     * type, and whether that evaluation was vouched for ({@link LiveSession#vouched}).
     */
    record OpenedSession(String deviceId, String deviceType, boolean vouched) {
        public OpenedSession {
            java.util.Objects.requireNonNull(deviceId, "deviceId is null");
            java.util.Objects.requireNonNull(deviceType, "deviceType is null");
        }
    }

    /**
     * A live session: its id, its device and that device's type, the client IP it was last seen from,
     * and when it last showed a sign of life.
     *
     * @param vouched whether the evaluation that last touched it named the account vouched for (server mode
     *     or a signed identity); false when an unsigned browser call did, whose account is the caller's word:
     *     anyone holding the public client id can open such a session on any account. A vouched evaluation
     *     reads only vouched sessions as concurrent ({@code concurrent_sessions}).
     */
    record LiveSession(String sessionId, String deviceId, String deviceType, String ip, Instant lastSeen, boolean vouched) {
        public LiveSession {
            java.util.Objects.requireNonNull(sessionId, "sessionId is null");
            java.util.Objects.requireNonNull(deviceId, "deviceId is null");
            java.util.Objects.requireNonNull(deviceType, "deviceType is null");
            java.util.Objects.requireNonNull(ip, "ip is null");
            java.util.Objects.requireNonNull(lastSeen, "lastSeen is null");
        }
    }
}
