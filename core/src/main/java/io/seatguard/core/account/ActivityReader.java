package io.seatguard.core.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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
}
