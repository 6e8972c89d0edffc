package io.seatguard.core.account;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What the store knew about an account just before an evaluation: whether the account had been seen,
 * the devices linked to it, and whether the current IP and fingerprint were already known for it.
 * For a request without a user this is {@link #NO_ACCOUNT}.
 */
public record AccountState(boolean userKnown, List<LinkedDevice> devices, boolean ipKnown, boolean fingerprintKnown) {
    public static final AccountState NO_ACCOUNT = new AccountState(false, List.of(), false, false);

    public AccountState {
        devices = List.copyOf(requireNonNull(devices, "devices is null"));
    }

    public Optional<LinkedDevice> device(String deviceId) {
        return devices.stream().filter(device -> device.deviceId().equals(deviceId)).findFirst();
    }
}
