package io.seatguard.core.account;

import java.time.Instant;
import java.util.Optional;

/** Port: reads what is known of one account, all inside one (app, user) so the query stays on one shard. */
public interface AccountReader {
    /**
     * Loads the account's state. Only devices last seen since {@code since}, plus the current device
     * whenever it was seen, are needed, so an account spread over thousands of old devices stays cheap.
     *
     * @param ip the canonical text of the client IP; it is known to the account when its key was seen
     *     ({@link AccountIpKey}: for IPv6, any address of its /64)
     * @param fingerprintId the exact fingerprint of this request, if it had components
     * @param deviceId the current device, if the request identified one
     */
    AccountState load(String appId, String userId, String ip, Optional<String> fingerprintId, Optional<String> deviceId, Instant since);

    /**
     * The account's link to one device, whenever last seen; empty when the device is not linked. One
     * lookup: a heartbeat asks it, and so does a cache that keeps only some links of an account with
     * more than {@link AccountState#DEVICE_LIMIT}.
     */
    Optional<LinkedDevice> link(String appId, String userId, String deviceId);
}
