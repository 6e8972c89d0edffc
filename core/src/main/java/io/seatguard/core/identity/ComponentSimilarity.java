package io.seatguard.core.identity;

import java.util.Map;
import java.util.Set;

/**
 * How alike two sets of device components are, from 0 (nothing in common, or a hard contradiction) to
 * 1 (identical).
 *
 * <p>Components drift: a browser update changes the canvas and audio renders, a new font changes the
 * font probe, an external monitor changes the screen, travel changes the time zone. An exact
 * fingerprint therefore splits one device into many; this score lets resolution recognise it anyway
 * (issue 3; DESIGN.md "Durable device id").
 *
 * <p>The score is a weighted agreement over the components both sides report:
 * {@code Σ w·[equal] / (Σ_both w + ½·Σ_one-side w)}. A component only one side reports counts half
 * against the match, because a probe that failed once (reported as missing) is weak evidence. Weights
 * follow how much a component tells devices apart and how rarely it drifts: GPU and render hashes weigh
 * most, user settings (zone, languages) least.
 *
 * <p>Some components cannot change on one device ({@link #HARD}): the OS platform, the GPU vendor, the
 * CPU architecture, the hardware model, the core count, the memory, the touch points and a native app's
 * operating-system id of the device ({@link #VENDOR_ID}); on a touch
 * device (a phone or tablet) the screen as well, since nobody plugs a monitor into a phone. If both
 * sides report one of them and it differs, the score is 0 whatever else agrees — two machines of
 * different kinds are never one device. Making cores, memory and a phone's screen hard took the
 * population's iPhone merge rate from 10 % to 3 % (docs/benchmarks.md): iPhones of different models
 * differ in little but their screens.
 *
 * <p>Properties (tested): symmetric; in [0, 1]; 1 for identical non-empty sets; monotone — making a
 * differing component agree never lowers the score; 0 when nothing can be compared.
 */
public final class ComponentSimilarity {
    /** Components that never change on one device; a disagreement rules the match out. */
    public static final Set<String> HARD = Set.of("platform", "webgl_vendor", "ch_arch", "ch_model", "cores", "memory", "touch_points", "vendor_id");
    /** A native app's operating-system id of the device (see {@link #WEIGHTS}). */
    public static final String VENDOR_ID = "vendor_id";
    /** On a touch device (a phone, a tablet) the screen is part of the hardware too: nobody plugs a monitor into a phone. */
    private static final String TOUCH_SCREEN = "screen";

    private static final Map<String, Double> WEIGHTS = Map.ofEntries(
            Map.entry("canvas", 6.0),
            Map.entry("webgl_renderer", 6.0),
            Map.entry("webgl_params", 3.0),
            Map.entry("audio", 4.0),
            Map.entry("fonts", 4.0),
            Map.entry("cores", 3.0),
            Map.entry("memory", 2.0),
            Map.entry("screen", 2.0),
            Map.entry("pixel_ratio", 2.0),
            Map.entry("touch_points", 2.0),
            Map.entry("color_depth", 1.0),
            Map.entry("timezone", 1.0),
            Map.entry("languages", 1.0),
            Map.entry("platform", 2.0),
            Map.entry("webgl_vendor", 2.0),
            Map.entry("ch_arch", 2.0),
            Map.entry("ch_model", 4.0),
            // A native app's id of the device from its operating system (Android's ANDROID_ID), which the
            // app sends as this component (docs/integration-guide.md, "Native apps"; browsers never send
            // it). It outlives a reinstall that loses the app's token, and tells apart two phones of one
            // model, system and language, which an app's few other components cannot. It weighs the least
            // evidence a fuzzy match may rest on (DeviceMatcher.MIN_EVIDENCE), so it alone can carry one;
            // and it is HARD: two ids are two devices.
            Map.entry(VENDOR_ID, 12.0));
    private static final double DEFAULT_WEIGHT = 1.0;

    private ComponentSimilarity() {}

    public static double weight(String component) {
        return WEIGHTS.getOrDefault(component, DEFAULT_WEIGHT);
    }

    /** The total weight of the components both sides report: how much the score rests on. */
    public static double evidence(Map<String, Object> a, Map<String, Object> b) {
        double shared = 0;
        for (String name : a.keySet()) {
            if (b.containsKey(name)) {
                shared += weight(name);
            }
        }
        return shared;
    }

    public static double of(Map<String, Object> a, Map<String, Object> b) {
        double agreeing = 0;
        double compared = 0;
        for (Map.Entry<String, Object> entry : a.entrySet()) {
            String name = entry.getKey();
            double weight = weight(name);
            Object other = b.get(name);
            if (other == null) {
                compared += weight / 2;
                continue;
            }
            boolean equal = same(entry.getValue(), other);
            if (!equal && (HARD.contains(name) || (name.equals(TOUCH_SCREEN) && isTouch(a) && isTouch(b)))) {
                return 0;
            }
            compared += weight;
            if (equal) {
                agreeing += weight;
            }
        }
        for (String name : b.keySet()) {
            if (!a.containsKey(name)) {
                compared += weight(name) / 2;
            }
        }
        return compared == 0 ? 0 : agreeing / compared;
    }

    private static boolean isTouch(Map<String, Object> components) {
        return components.get("touch_points") instanceof Number points && points.doubleValue() > 0;
    }

    /** Numbers compare by value, so 2 and 2.0 (one SDK sends a long, another a double) agree. */
    private static boolean same(Object x, Object y) {
        if (x instanceof Number m && y instanceof Number n) {
            return new java.math.BigDecimal(m.toString()).compareTo(new java.math.BigDecimal(n.toString())) == 0;
        }
        return x.equals(y);
    }
}
