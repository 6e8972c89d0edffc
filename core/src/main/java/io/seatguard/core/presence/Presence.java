package io.seatguard.core.presence;

import java.time.Instant;
import java.util.List;

/**
 * Port: which sessions of an account are live now. A session is one tab of the SDK, kept alive by its
 * heartbeats and evaluations (CONTRACT.md "Presence") and gone at once when it ends. One node keeps it
 * in memory ({@link InMemoryPresence}); several nodes share it in Redis.
 */
public interface Presence {
    /** Marks the session live at {@code at}, on the given device (the zero id when unknown) and network. */
    void touch(String appId, String userId, LiveSession session);

    /** Ends the session now; ending an unknown session does nothing. */
    void end(String appId, String userId, String sessionId);

    /** The account's sessions still live at {@code now}. */
    List<LiveSession> live(String appId, String userId, Instant now);

    /** How many sessions of the app are live at {@code now}, over all its accounts (the dashboard's "active now"). */
    long liveSessions(String appId, Instant now);

    /** Ends every live session of the account (it is being erased). */
    default void endAll(String appId, String userId, Instant now) {
        for (LiveSession session : live(appId, userId, now)) {
            end(appId, userId, session.sessionId());
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
