package io.seatguard.population;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Split and merge rates, against the ground truth of which physical device made each visit.
 *
 * <ul>
 *   <li>split rate: the share of physical devices seen under two or more device ids;
 *   <li>merge rate: the share of physical devices one of whose ids was also given to another physical
 *       device.
 * </ul>
 */
final class Measurement {
    private final Map<PhysicalDevice, Set<String>> idsByDevice = new HashMap<>();
    private final Map<String, Set<PhysicalDevice>> devicesById = new HashMap<>();
    private long visits;

    /** The first physical device given each id, to attribute merges and splits to how they happened (for the report). */
    private final Map<String, PhysicalDevice> firstHolder = new HashMap<>();
    final Map<String, Integer> mergeCauses = new java.util.TreeMap<>();
    final Map<String, Integer> splitCauses = new java.util.TreeMap<>();

    void record(PhysicalDevice device, String deviceId, String how) {
        visits++;
        PhysicalDevice holder = firstHolder.putIfAbsent(deviceId, device);
        if (holder != null && holder != device) {
            String relation = holder.account.equals(device.account) ? "same account" : "other account";
            mergeCauses.merge(how + ", " + relation + ", " + device.platform(), 1, Integer::sum);
        }
        Set<String> known = idsByDevice.get(device);
        if (known != null && !known.contains(deviceId)) {
            splitCauses.merge(how + ", " + device.platform(), 1, Integer::sum);
        }
        idsByDevice.computeIfAbsent(device, d -> new HashSet<>()).add(deviceId);
        devicesById.computeIfAbsent(deviceId, id -> new HashSet<>()).add(device);
    }

    long visits() {
        return visits;
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

    private Rates rates(Platform only) {
        int devices = 0;
        int split = 0;
        int merged = 0;
        for (Map.Entry<PhysicalDevice, Set<String>> entry : idsByDevice.entrySet()) {
            if (only != null && entry.getKey().platform() != only) {
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
