package io.seatguard.core.history;

import java.time.Instant;
import java.util.Optional;

/** Port: an account's summary, and erasing everything stored about it. */
public interface AccountRecords {
    Optional<AccountSummary> summary(String appId, String userId, Instant now);

    /**
     * Deletes the account's evaluations, device, IP and fingerprint links, challenges, owner notices and patterns,
     * and the account itself. Devices stay (another account may use them), without this account's links.
     *
     * @return false when the app has no such account
     */
    boolean erase(String appId, String userId);

    /** Deletes evaluations recorded before {@code cutoff} (and challenges opened before it); returns how many evaluations went. */
    int pruneBefore(Instant cutoff);
}
