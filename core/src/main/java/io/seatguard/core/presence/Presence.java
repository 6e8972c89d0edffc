package io.seatguard.core.presence;

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
     * The most live sessions kept per account; a session beyond it pushes out the one with the oldest sign
     * of life. One person has a few tabs and devices; a bot logging into an account from a new session on
     * every request would otherwise make each of its evaluations walk tens of thousands of them. The
     * session pushed out is the one closest to expiring anyway; an account with that many live at once
     * is not one person's, though a session pushed out no longer counts for {@code concurrent_sessions}.
     */
    int MAX_SESSIONS_PER_ACCOUNT = 100;

    /** Marks the session live at {@code at}, on the given device (the zero id when unknown) and network. */
    void touch(String appId, String userId, LiveSession session);

    /**
     * {@link #touch}, unless the session was ended within the window: a heartbeat may bring back a session
     * that lapsed (a tab hidden too long, a restarted node), never one the SDK ended. A beat sent just
     * before the tab closed can reach the server after the tab's end, with a later time.
     *
     * @return whether the session is live now
     */
    boolean resume(String appId, String userId, LiveSession session);

    /**
     * Keeps a live session live: its last sign of life moves to {@code at} (never backwards) and its
     * network to {@code ip}, while the device and type it was touched with stay. A heartbeat carries only
     * the SDK's token, and a token can be copied: the evaluation that opened the session knew the device
     * better, and a heartbeat must not turn a sharer's session into the owner's device.
     *
     * @return false when the session is not live (never touched, expired or ended); nothing changes then
     */
    boolean refresh(String appId, String userId, String sessionId, String ip, Instant at);

    /**
     * Ends the session at {@code at}: it is gone at once, and a touch from before {@code at} that lands
     * later (the page's own evaluation or a heartbeat in flight when the tab closed) does not bring it
     * back; a touch from after it does (the same tab's next page). Ending an unknown session does nothing
     * but remember the end.
     */
    void end(String appId, String userId, String sessionId, Instant at);

    /** The account's sessions still live at {@code now}: at most {@link #MAX_SESSIONS_PER_ACCOUNT}. */
    List<LiveSession> live(String appId, String userId, Instant now);

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

    /** Ends the account's live sessions on one device (it was logged out of the account). */
    default void endDevice(String appId, String userId, String deviceId, Instant now) {
        for (LiveSession session : live(appId, userId, now)) {
            if (session.deviceId().equals(deviceId)) {
                end(appId, userId, session.sessionId(), now);
            }
        }
    }

    /** Ends every live session of the account (it is being erased). */
    default void endAll(String appId, String userId, Instant now) {
        for (LiveSession session : live(appId, userId, now)) {
            end(appId, userId, session.sessionId(), now);
        }
    }

    /**
     * A live session: its id, its device and that device's type, the client IP it was last seen from,
     * and when it last showed a sign of life.
     */
    record LiveSession(String sessionId, String deviceId, String deviceType, String ip, Instant lastSeen) {
        public LiveSession {
            java.util.Objects.requireNonNull(sessionId, "sessionId is null");
            java.util.Objects.requireNonNull(deviceId, "deviceId is null");
            java.util.Objects.requireNonNull(deviceType, "deviceType is null");
            java.util.Objects.requireNonNull(ip, "ip is null");
            java.util.Objects.requireNonNull(lastSeen, "lastSeen is null");
        }
    }
}
