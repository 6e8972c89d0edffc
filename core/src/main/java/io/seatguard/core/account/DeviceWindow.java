package io.seatguard.core.account;

import io.seatguard.core.identity.DeviceType;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The devices an account has used within a rolling window ending at an evaluation (seed 000 device
 * counts; ShieldLabs' default window is 30 days).
 *
 * <p>A device counts when it is attached to the account and was last seen inside the window. The
 * current device counts too, because this evaluation uses it — unless it was logged out of the account
 * and is not logging in again. Detached devices are not counted: a device the owner logged out is, by
 * their word, not one of theirs any more.
 *
 * <p>An evaluation vouched for (server mode, a valid identity signature) counts only the links vouched
 * evaluations attached ({@link LinkedDevice#vouched}), as {@code is_new_device} knows only those: an unsigned
 * browser call names its account on the caller's word (the client id is public), and anyone could otherwise
 * raise the owner's {@code device_count} with a few calls from new browsers and get the owner refused by a
 * policy on it. The current device still counts: this vouched evaluation is using it. An unvouched evaluation
 * counts every attached link, so an app that vouches for nobody limits devices as before.
 */
public final class DeviceWindow {
    public static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

    private DeviceWindow() {}

    /**
     * @param current the current device's id and type, when the request identified a device
     * @param currentCounts whether the current device is in use for this account (false when it was logged out)
     * @param vouchedOnly the evaluation was vouched for: only vouched links count
     */
    public static Map<String, DeviceType> devicesInWindow(
            AccountState account, Optional<Map.Entry<String, DeviceType>> current, boolean currentCounts, Instant at, Duration length,
            boolean vouchedOnly) {
        Instant start = at.minus(length);
        Map<String, DeviceType> devices = new LinkedHashMap<>();
        for (LinkedDevice device : account.devices()) {
            if (device.status() == LinkStatus.ATTACHED && !device.lastSeen().isBefore(start) && (device.vouched() || !vouchedOnly)) {
                devices.put(device.deviceId(), device.type());
            }
        }
        if (current.isPresent()) {
            String id = current.get().getKey();
            if (currentCounts) {
                devices.put(id, current.get().getValue());
            }
            else {
                devices.remove(id);
            }
        }
        return devices;
    }
}
