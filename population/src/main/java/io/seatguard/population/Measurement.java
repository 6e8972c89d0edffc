package io.seatguard.population;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Split and merge rates, against the ground truth of which physical device made each visit.
 *
 * <ul>
 *   <li>split rate: the share of physical devices seen under two or more device ids;
 *   <li>merge rate: the share of physical devices one of whose ids was also given to another physical
 *       device (both devices count).
 * </ul>
 *
 * <p>Causes are counted once per device, at its first error: the visit on which it first got a further
 * id (a split) or first got an id another device already held (a merge), with the pipeline's match kind,
 * the drift on that visit ({@link Drift}) and, for a merge, how the two devices are related. Later
 * visits that merely reuse the wrong id by token are consequences, not causes, and are not counted.
 *
 * <p>A merge between identical twins is marked: the device's components on that visit equal the other
 * device's on its last visit (same model and settings), and its browser version is the other's or newer,
 * so it looks exactly like the other device after an update that left its renders as they were, with
 * its storage cleared. Nothing a server sees can tell such a pair apart before each has shown its own
 * token, so those merges are a floor under the merge rate that no resolver working from one request
 * can go below ({@link #twinMerged}).
 */
final class Measurement {
    private final Map<PhysicalDevice, Set<String>> idsByDevice = new HashMap<>();
    private final Map<String, Set<PhysicalDevice>> devicesById = new HashMap<>();
    private final Set<PhysicalDevice> mergeRecorded = new HashSet<>();
    /** Each device's components and browser version on its last visit. */
    private final Map<PhysicalDevice, SeenAs> lastSeenAs = new HashMap<>();
    private final Set<PhysicalDevice> twins = new HashSet<>();
    private final Map<String, Long> matchKinds = new TreeMap<>();
    private final Map<String, Integer> mergeCauses = new TreeMap<>();
    private final Map<String, Integer> splitCauses = new TreeMap<>();
    private long visits;

    private record SeenAs(Map<String, Object> components, int browserVersion) {
        boolean twinOf(SeenAs other) {
            return other != null && components.equals(other.components) && browserVersion >= other.browserVersion;
        }
    }

    void record(PhysicalDevice device, String deviceId, String kind, String drift, Map<String, Object> components, int browserVersion) {
        SeenAs seenAs = new SeenAs(components, browserVersion);
        visits++;
        matchKinds.merge(kind, 1L, Long::sum);
        Set<PhysicalDevice> holders = devicesById.computeIfAbsent(deviceId, id -> new HashSet<>());
        Set<String> known = idsByDevice.computeIfAbsent(device, d -> new HashSet<>());
        if (!known.isEmpty() && !known.contains(deviceId) && known.size() == 1) {
            splitCauses.merge(device.platform() + " | " + kind + " | " + drift, 1, Integer::sum);
        }
        if (!holders.isEmpty() && !holders.contains(device) && mergeRecorded.add(device)) {
            PhysicalDevice other = holders.iterator().next();
            boolean identical = seenAs.twinOf(lastSeenAs.get(other));
            if (identical) {
                twins.add(device);
                twins.add(other);
            }
            mergeCauses.merge(device.platform() + " | " + kind + " | " + drift + " | " + relation(device, other) + (identical ? ", identical" : ""), 1,
                    Integer::sum);
        }
        lastSeenAs.put(device, seenAs);
        holders.add(device);
        known.add(deviceId);
    }

    /** How the device that took another's id is related to it. */
    static String relation(PhysicalDevice device, PhysicalDevice other) {
        String hardware = device.fleet.isPresent() && device.fleet.equals(other.fleet) ? "same fleet"
                : device.model.equals(other.model) ? "same model" : "other model";
        String people = device.owner == other.owner ? "same person"
                : device.account.equals(other.account) ? "sharer and owner" : "other account";
        return people + ", " + hardware;
    }

    /** Devices merged with an identical twin (both of the pair count, as in the merge rate). */
    int twinMerged() {
        return twins.size();
    }

    long visits() {
        return visits;
    }

    /** Visits by inferred match kind ({@link MatchKinds}). */
    Map<String, Long> matchKinds() {
        return matchKinds;
    }

    /** Each device's first merge, counted by "platform | match kind | drift | relation". */
    Map<String, Integer> mergeCauses() {
        return mergeCauses;
    }

    /** Each device's first split, counted by "platform | match kind | drift". */
    Map<String, Integer> splitCauses() {
        return splitCauses;
    }

    Rates overall() {
        return rates(null);
    }

    Map<Platform, Rates> perPlatform() {
        Map<Platform, Rates> rates = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            rates.put(platform, rates(platform));
        }
        return rates;
    }

    /** Rates of the corporate fleet laptops alone. */
    Rates fleetLaptops() {
        return rates(null, true);
    }

    private Rates rates(Platform only) {
        return rates(only, false);
    }

    private Rates rates(Platform only, boolean fleetOnly) {
        int devices = 0;
        int split = 0;
        int merged = 0;
        for (Map.Entry<PhysicalDevice, Set<String>> entry : idsByDevice.entrySet()) {
            if ((only != null && entry.getKey().platform() != only) || (fleetOnly && entry.getKey().fleet.isEmpty())) {
                continue;
            }
            devices++;
            if (entry.getValue().size() > 1) {
                split++;
            }
            if (entry.getValue().stream().anyMatch(id -> devicesById.get(id).size() > 1)) {
                merged++;
            }
        }
        return new Rates(devices, split, merged);
    }

    /** Counts and rates for one group of devices. */
    record Rates(int devices, int split, int merged) {
        double splitRate() {
            return devices == 0 ? 0 : (double) split / devices;
        }

        double mergeRate() {
            return devices == 0 ? 0 : (double) merged / devices;
        }
    }
}
