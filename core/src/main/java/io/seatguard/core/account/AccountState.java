package io.seatguard.core.account;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What the store knew about an account just before an evaluation: when the account, the current IP and
 * the current fingerprint were first and last seen for it (empty when never), and its linked devices.
 * For a request without a user this is {@link #NO_ACCOUNT}.
 */
public record AccountState(Optional<Seen> user, List<LinkedDevice> devices, Optional<Seen> ip, Optional<Seen> fingerprint) {
    public static final AccountState NO_ACCOUNT = new AccountState(Optional.empty(), List.of(), Optional.empty(), Optional.empty());

    public AccountState {
        requireNonNull(user, "user is null");
        devices = List.copyOf(requireNonNull(devices, "devices is null"));
        requireNonNull(ip, "ip is null");
        requireNonNull(fingerprint, "fingerprint is null");
    }

    public boolean userKnown() {
        return user.isPresent();
    }

    public boolean ipKnown() {
        return ip.isPresent();
    }

    public boolean fingerprintKnown() {
        return fingerprint.isPresent();
    }

    public Optional<LinkedDevice> device(String deviceId) {
        return devices.stream().filter(device -> device.deviceId().equals(deviceId)).findFirst();
    }
}
