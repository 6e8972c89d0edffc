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
 */
public final class DeviceWindow {
    public static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

    private DeviceWindow() {}

    /**
     * @param current the current device's id and type, when the request identified a device
     * @param currentCounts whether the current device is in use for this account (false when it was logged out)
     */
    public static Map<String, DeviceType> devicesInWindow(
            AccountState account, Optional<Map.Entry<String, DeviceType>> current, boolean currentCounts, Instant at, Duration length) {
        Instant start = at.minus(length);
        Map<String, DeviceType> devices = new LinkedHashMap<>();
        for (LinkedDevice device : account.devices()) {
            if (device.status() == LinkStatus.ATTACHED && !device.lastSeen().isBefore(start)) {
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
