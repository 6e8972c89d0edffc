package io.seatguard.core.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** Port: reads an account's recent activity from its stored evaluations (see {@link AccountActivity}). */
public interface ActivityReader {
    /** Reads nothing; every history-based check is then unknown. */
    ActivityReader NONE = (appId, userId, country, fingerprintId, at, velocityWindow) -> AccountActivity.UNKNOWN;

    /**
     * @param country this evaluation's country (its place), if known
     * @param fingerprintId this evaluation's exact fingerprint, if it had components
     * @param at this evaluation's time: only evaluations strictly before it count
     */
    AccountActivity read(String appId, String userId, Optional<String> country, Optional<String> fingerprintId, Instant at, Duration velocityWindow);

    /**
     * The accounts of the app that have shown this fingerprint, for an evaluation that names no account
     * (a signup without a user is where one browser opening many accounts shows). Empty when it cannot
     * be read, which is what a reader that reads nothing answers.
     */
    default OptionalLong accountsOnFingerprint(String appId, String fingerprintId) {
        return OptionalLong.empty();
    }
}
