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
 *       device (both devices count), ever during the run;
 *   <li>merged at the end: the share of physical devices whose latest visit resolved to the id of another
 *       device's latest visit, so that the account's device list shows the two as one when the run ends.
 *       A merge that was undone ({@link io.seatguard.core.identity.DeviceResolver#separate}) counts in the
 *       merge rate, not here; the visits made while it lasted are {@link #sharedVisits}.
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
    /** The id each device's latest visit resolved to: what the account's device list shows for it now. */
    private final Map<PhysicalDevice, String> currentIds = new HashMap<>();
    /** The devices whose latest visit resolved to each id. */
    private final Map<String, Set<PhysicalDevice>> currentHolders = new HashMap<>();
    private long sharedVisits;
    private int needlessSeparations;
    /** Each device's components and browser version on its last visit. */
    private final Map<PhysicalDevice, SeenAs> lastSeenAs = new HashMap<>();
    private final Set<PhysicalDevice> twins = new HashSet<>();
    private final Map<String, Long> matchKinds = new TreeMap<>();
    private final Map<String, Integer> mergeCauses = new TreeMap<>();
    private final Map<String, Integer> splitCauses = new TreeMap<>();
    private long visits;
    private final SharedCounts shared = new SharedCounts();

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
        if (kind.equals("separated") && devicesById.values().stream().noneMatch(ids -> ids.contains(device) && ids.size() > 1)) {
            needlessSeparations++;
        }
        lastSeenAs.put(device, seenAs);
        holders.add(device);
        known.add(deviceId);
        String before = currentIds.put(device, deviceId);
        if (before != null && !before.equals(deviceId)) {
            currentHolders.get(before).remove(device);
        }
        Set<PhysicalDevice> now = currentHolders.computeIfAbsent(deviceId, id -> new HashSet<>());
        now.add(device);
        if (now.size() > 1) {
            sharedVisits++;
        }
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

    /** Accounts on one fingerprint and on one device, as the evaluations reported them. */
    SharedCounts shared() {
        return shared;
    }

    long visits() {
        return visits;
    }

    /**
     * Visits that resolved to an id another device's latest visit also resolved to: visits made while the
     * account's device list showed the two as one.
     */
    long sharedVisits() {
        return sharedVisits;
    }

    /** Separations of a device that never shared an id with another: splits the rule made for nothing. */
    int needlessSeparations() {
        return needlessSeparations;
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
        int mergedAtEnd = 0;
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
            if (currentHolders.get(currentIds.get(entry.getKey())).size() > 1) {
                mergedAtEnd++;
            }
        }
        return new Rates(devices, split, merged, mergedAtEnd);
    }

    /** Counts and rates for one group of devices. */
    /**
     * @param merged devices that were ever seen under an id another device also held
     * @param mergedAtEnd devices whose latest visit resolved to the same id as another device's latest:
     *     two devices shown as one in the account's device list at the end of the run
     */
    record Rates(int devices, int split, int merged, int mergedAtEnd) {
        double splitRate() {
            return devices == 0 ? 0 : (double) split / devices;
        }

        double mergeRate() {
            return devices == 0 ? 0 : (double) merged / devices;
        }

        double mergedAtEndRate() {
            return devices == 0 ? 0 : (double) mergedAtEnd / devices;
        }
    }
}
