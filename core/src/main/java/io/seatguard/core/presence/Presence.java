package io.seatguard.core.presence;

import java.time.Instant;
import java.util.List;

/**
 * Port: which sessions of an account are live now. A session is one tab of the SDK, kept alive by its
 * heartbeats (CONTRACT.md "Presence") and gone at once when it ends. One node keeps it in memory
 * ({@link InMemoryPresence}); several nodes will share it in Redis (issue 4).
 */
public interface Presence {
    /** Marks the session live at {@code at}, on the given device (the zero id when unknown). */
    void touch(String appId, String userId, String sessionId, String deviceId, Instant at);

    /** Ends the session now; ending an unknown session does nothing. */
    void end(String appId, String userId, String sessionId);

    /** The account's sessions still live at {@code now}. */
    List<LiveSession> live(String appId, String userId, Instant now);

    /** A live session: its id, its device and when it last showed a sign of life. */
    record LiveSession(String sessionId, String deviceId, Instant lastSeen) {}
}
