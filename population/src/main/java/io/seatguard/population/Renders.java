package io.seatguard.population;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The render-dependent components (canvas, audio, WebGL parameters, math) of a browser version on a
 * kind of hardware. Identical hardware on the same browser version renders identically, and a browser
 * update changes a render only at the versions where the engine changed it, the same for everyone.
 */
final class Renders {
    /** Chance that a browser version changes each render: canvas often (Skia, fonts), math rarely. */
    private static final Map<String, Double> CHANGE_CHANCE = Map.of("canvas", 0.35, "audio", 0.10, "webgl_params", 0.30, "math", 0.05);

    private final long seed;
    private final Map<String, Integer> lastChange = new ConcurrentHashMap<>();

    Renders(long seed) {
        this.seed = seed;
    }

    /** The value of a render component for this hardware, browser and version. */
    String value(String component, String hardware, Browser browser, int version) {
        return Long.toHexString(mix(component.hashCode(), hardware.hashCode(), browser.ordinal(), changedAt(component, browser, version), seed));
    }

    /** The latest version, at or before this one, at which the browser changed this render. */
    private int changedAt(String component, Browser browser, int version) {
        return lastChange.computeIfAbsent(component + '|' + browser + '|' + version, key -> {
            for (int v = version; v > 0; v--) {
                double draw = (mix(component.hashCode(), browser.ordinal(), v, 17, seed) >>> 11) / (double) (1L << 53);
                if (draw < CHANGE_CHANCE.get(component)) {
                    return v;
                }
            }
            return 0;
        });
    }

    static long mix(long... values) {
        long h = 0x9E3779B97F4A7C15L;
        for (long value : values) {
            h ^= value;
            h *= 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h;
    }
}
