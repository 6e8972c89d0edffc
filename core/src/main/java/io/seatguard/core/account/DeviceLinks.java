package io.seatguard.core.account;

import java.util.List;
import java.util.Optional;

/** Port: an account's devices, and logging one out. */
public interface DeviceLinks {
    /** Most recently seen first; empty when the account was never seen. */
    Optional<List<AccountDevice>> devices(String appId, String userId);

    /**
     * Marks the device logged out of the account: its next access evaluation answers {@code logout: true}
     * until the person signs in on it again.
     *
     * A login from before {@code at} (imported history, or an evaluation already under way) does not
     * attach it again.
     *
     * @return false when the account has no such device
     */
    boolean detach(String appId, String userId, String deviceId, java.time.Instant at);
}
