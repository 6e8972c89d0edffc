package io.seatguard.core.identity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hardware class of a device, used to find candidates for an app-wide fuzzy match without
 * comparing against every device of the app (the "blocking key" of record linkage).
 *
 * <p>It is built from the components that describe the machine and never drift on it: the OS platform,
 * the GPU (vendor and renderer), the core count, the touch points and the client-hint model and
 * architecture. Renders, fonts, screens, zones and languages are left out because they drift (a browser
 * update, a new font, an external monitor, travel): a device must keep its key through them.
 *
 * <p>Two devices of one model share a key; that is the point (a key holds look-alikes) and also the
 * limit: when many devices share a key the hardware is common, and its components cannot tell one
 * device from another across the app (see {@link DeviceResolver}).
 */
public final class BlockingKey {
    static final List<String> PARTS = List.of("platform", "webgl_vendor", "webgl_renderer", "cores", "touch_points", "ch_model", "ch_arch");
    private static final int KEY_HEX_CHARS = 32;

    private BlockingKey() {}

    /**
     * Empty when the components do not describe the hardware: without the GPU renderer (WebGL blocked
     * or failed) every device of a platform would share one key.
     */
    public static Optional<String> of(Map<String, Object> components) {
        if (!components.containsKey("webgl_renderer")) {
            return Optional.empty();
        }
        StringBuilder canonical = new StringBuilder(128);
        for (String part : PARTS) {
            Object value = components.get(part);
            String text = value == null ? "" : Fingerprint.encode(value);
            canonical.append(part).append('=').append(text.length()).append(':').append(text).append(';');
        }
        return Optional.of(Fingerprint.sha256Hex(canonical.toString()).substring(0, KEY_HEX_CHARS));
    }
}
