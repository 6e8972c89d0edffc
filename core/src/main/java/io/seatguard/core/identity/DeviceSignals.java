package io.seatguard.core.identity;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.Collections;

/**
 * What a browser told us about itself: the SDK's persistent token, its stable components, the local
 * addresses WebRTC exposed and the browser's time zone. Component values are strings, numbers or
 * booleans; a probe that failed is simply absent (never guessed).
 */
public record DeviceSignals(
        Optional<String> token,
        SortedMap<String, Object> components,
        List<String> localIps,
        Optional<String> timezone) {
    public static final DeviceSignals NONE = new DeviceSignals(Optional.empty(), new TreeMap<>(), List.of(), Optional.empty());

    public DeviceSignals {
        requireNonNull(token, "token is null");
        requireNonNull(components, "components is null");
        requireNonNull(localIps, "localIps is null");
        requireNonNull(timezone, "timezone is null");
        components = Collections.unmodifiableSortedMap(new TreeMap<>(components));
        localIps = List.copyOf(localIps);
        for (Object value : components.values()) {
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException("component values must be strings, numbers or booleans");
            }
        }
    }

    /**
     * Whether these signals can identify a device at all. Without a token and without components there
     * is nothing to tell one device from another, so such a request is "device unknown" (the zero id),
     * never a fresh device (CONTRACT.md, seed 002).
     */
    public boolean isUsable() {
        return token.isPresent() || !components.isEmpty();
    }
}
