package io.seatguard.core.checks;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.evaluation.DetectionFlags;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place checks are named. Refuses two checks with one name, so a name always means one thing
 * to policies, scoring and history alike, and evaluates them in registration order so every recorded
 * evaluation lists its checks in the same order.
 */
public final class CheckRegistry {
    private final Map<String, Check> checks;

    private CheckRegistry(Map<String, Check> checks) {
        this.checks = checks;
    }

    public static CheckRegistry of(List<Check> checks) {
        Map<String, Check> byName = new LinkedHashMap<>();
        for (Check check : checks) {
            requireNonNull(check, "check is null");
            if (byName.putIfAbsent(check.name(), check) != null) {
                throw new IllegalArgumentException("duplicate check name: " + check.name());
            }
        }
        return new CheckRegistry(byName);
    }

    /** The standard checks with the default thresholds. */
    public static CheckRegistry standard() {
        return standard(CheckSettings.DEFAULTS);
    }

    /** The checks of stored history, the device, presence and the network (CONTRACT.md {@code checks}). */
    public static CheckRegistry standard(CheckSettings settings) {
        return of(List.of(
                new IsNewUserCheck(),
                new IsNewDeviceCheck(),
                new IsNewFingerprintCheck(),
                new IsNewIpCheck(),
                new TokenMismatchCheck(),
                new ConcurrentSessionsCheck(),
                new DeviceCountCheck(),
                new DeviceTypeCountCheck("computer_device_count", io.seatguard.core.identity.DeviceType.COMPUTER),
                new DeviceTypeCountCheck("tablet_device_count", io.seatguard.core.identity.DeviceType.TABLET),
                new DeviceTypeCountCheck("mobile_device_count", io.seatguard.core.identity.DeviceType.MOBILE),
                new ImpossibleTravelCheck(settings),
                new IsNewCountryCheck(),
                new CountryCount24hCheck(),
                new IpCountryCheck(),
                new IpFlagCheck("ip_is_vpn", DetectionFlags::vpn),
                new IpFlagCheck("ip_is_proxy", DetectionFlags::proxy),
                new IpFlagCheck("ip_is_tor", DetectionFlags::tor),
                new IpFlagCheck("ip_is_hosting", DetectionFlags::hosting),
                new FingerprintUserCountCheck(),
                new DeviceUserCountCheck(),
                new EventCountCheck(settings),
                new HasHighVelocityCheck(settings)));
    }

    public Optional<Check> find(String name) {
        return Optional.ofNullable(checks.get(name));
    }

    public Collection<Check> all() {
        return checks.values();
    }

    public Map<String, Object> evaluateAll(CheckInputs inputs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Check check : checks.values()) {
            values.put(check.name(), check.evaluate(inputs));
        }
        return values;
    }
}
