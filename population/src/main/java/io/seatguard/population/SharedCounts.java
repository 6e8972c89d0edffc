package io.seatguard.population;

import io.seatguard.core.evaluation.Evaluation;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How often the population's evaluations report three or more accounts on one fingerprint ({@code
 * fingerprint_user_count}) and on one device ({@code device_user_count}), and how often the {@code
 * shared_fingerprint} signal fires (the fingerprint's count there on a device new here): the threshold of the
 * {@code shared_fingerprint} and {@code shared_device} risk signals and of the {@code
 * many_accounts_on_device} pattern's suspicious level. No physical device of the population ever signs
 * into a second account, so every such evaluation, and every account it would flag, is a false positive.
 */
final class SharedCounts {
    /** The signals' and the pattern's threshold (RiskWeights, PatternThresholds.DEFAULTS). */
    static final long THRESHOLD = 3;

    /** One group's tallies (a platform, or the fleet laptops). */
    static final class Tally {
        long evaluations;
        long byFingerprint;
        long byDevice;
        /** Evaluations the {@code shared_fingerprint} signal fires on: the fingerprint's count at the threshold on a device new here. */
        long fingerprintOnNewDevice;
        final Set<String> accountsByFingerprint = new HashSet<>();
        final Set<String> accountsByDevice = new HashSet<>();
    }

    private final Map<String, Tally> groups = new TreeMap<>();

    void record(PhysicalDevice device, Evaluation evaluation) {
        Tally tally = groups.computeIfAbsent(device.fleet.isPresent() ? "(corporate fleet laptops)" : device.platform().name().toLowerCase(java.util.Locale.ROOT),
                group -> new Tally());
        tally.evaluations++;
        if (atLeastThreshold(evaluation.checks().get("fingerprint_user_count"))) {
            tally.byFingerprint++;
            evaluation.user().id().ifPresent(tally.accountsByFingerprint::add);
        }
        if (atLeastThreshold(evaluation.checks().get("fingerprint_user_count")) && Boolean.TRUE.equals(evaluation.checks().get("is_new_device"))) {
            tally.fingerprintOnNewDevice++;
        }
        if (atLeastThreshold(evaluation.checks().get("device_user_count"))) {
            tally.byDevice++;
            evaluation.user().id().ifPresent(tally.accountsByDevice::add);
        }
    }

    private static boolean atLeastThreshold(Object count) {
        return count instanceof Number number && number.longValue() >= THRESHOLD;
    }

    /** The tallies by group, fleet laptops apart from their platform. */
    Map<String, Tally> groups() {
        return groups;
    }

    /** Evaluations of every group that reported at least {@link #THRESHOLD} accounts on their device. */
    long byDevice() {
        return groups.values().stream().mapToLong(tally -> tally.byDevice).sum();
    }
}
