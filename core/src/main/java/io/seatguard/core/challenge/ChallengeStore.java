package io.seatguard.core.challenge;

import java.util.Optional;

/**
 * Where challenges are kept. A new challenge is written with the evaluation that opened it (see
 * {@code EvaluationWrite}); this port reads them and moves them along.
 */
public interface ChallengeStore {
    /** By id alone: the hosted page knows only the (unguessable) id. */
    Optional<Challenge> find(String challengeId);

    /**
     * Stores {@code next} only if the stored challenge is still as {@code expected} (same status,
     * attempts and sends): of two concurrent steps on one challenge, one wins and the other is told to
     * read again. False when it lost.
     */
    boolean replace(Challenge expected, Challenge next);

    /**
     * Notes where the browser was sent when it left the challenge ({@code success_url}, {@code return_to}
     * or {@code logout_url}); the first exit stays.
     */
    void recordExit(String challengeId, String exitedTo);

    /**
     * Whether the account passed a verification challenge on this device since then; with
     * {@code vouchedOnly}, only a challenge opened for a vouched identity (server mode or signed) counts.
     */
    boolean verifiedRecently(String appId, String accountKey, String deviceId, java.time.Instant since, boolean vouchedOnly);

}
