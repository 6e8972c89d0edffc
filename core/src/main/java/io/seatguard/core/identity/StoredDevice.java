package io.seatguard.core.identity;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** A known device with the latest components it showed, as fuzzy matching compares them. */
public record StoredDevice(KnownDevice device, Map<String, Object> components) {
    public StoredDevice {
        requireNonNull(device, "device is null");
        components = Map.copyOf(requireNonNull(components, "components is null"));
    }
}
