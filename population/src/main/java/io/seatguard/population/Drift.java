package io.seatguard.population;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Names what changed on a device since its previous visit, so that each split or merge can be put down
 * to the drift that came with it: the harness knows the ground truth, the resolver only sees components.
 */
final class Drift {
    private static final List<String> RENDERS = List.of("audio", "webgl_params", "math");

    private Drift() {}

    /**
     * @param previous the components of the device's previous visit, or null on its first visit
     * @param tokenState "kept", "cleared" (storage cleared: a new token from now on), "private" (a
     *     throw-away token for this visit) or "unseen" (the device's own token, shown for the first time
     *     because every earlier visit was a private window)
     */
    static String between(Map<String, Object> previous, Map<String, Object> now, String tokenState) {
        List<String> changes = new ArrayList<>();
        switch (tokenState) {
            case "cleared" -> changes.add("cleared storage");
            case "private" -> changes.add("private window");
            case "unseen" -> changes.add("own token shown for the first time (earlier visits private)");
            default -> { }
        }
        if (previous == null) {
            changes.add("first visit");
            return String.join(" + ", changes);
        }
        boolean fonts = differs(previous, now, "fonts");
        if (fonts) {
            changes.add("font added");
        }
        // A new font re-renders the canvas too; only other renders changing means a browser update.
        if (RENDERS.stream().anyMatch(name -> differs(previous, now, name)) || (!fonts && differs(previous, now, "canvas"))) {
            changes.add("browser update");
        }
        if (differs(previous, now, "screen")) {
            changes.add("monitor");
        }
        if (differs(previous, now, "timezone")) {
            changes.add("travel");
        }
        if (differs(previous, now, "languages")) {
            changes.add("language added");
        }
        if (previous.keySet().stream().anyMatch(name -> !now.containsKey(name))) {
            changes.add("probe failed");
        }
        return changes.isEmpty() ? "no drift" : String.join(" + ", changes);
    }

    private static boolean differs(Map<String, Object> previous, Map<String, Object> now, String name) {
        return previous.containsKey(name) && now.containsKey(name) && !Objects.equals(previous.get(name), now.get(name));
    }
}
