package io.seatguard.server.config;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.checks.CheckSettings;
import io.seatguard.intel.ip.IntelConfig;
import java.time.Duration;

/**
 * IP intelligence sources, how often they are re-read, and the thresholds of the network and history
 * checks (docs/ip-intelligence.md, docs/checks.md).
 */
public record NetworkSettings(IntelConfig intel, Duration refreshEvery, CheckSettings checks) {
    public static final Duration DEFAULT_REFRESH = Duration.ofHours(1);
    static final Duration MIN_REFRESH = Duration.ofMinutes(1);
    static final Duration MAX_REFRESH = Duration.ofDays(7);

    /** No IP data (tests that do not need it start faster); history checks with default thresholds. */
    public static final NetworkSettings NONE = new NetworkSettings(IntelConfig.NONE, DEFAULT_REFRESH, CheckSettings.DEFAULTS);

    public NetworkSettings {
        requireNonNull(intel, "intel is null");
        requireNonNull(refreshEvery, "refreshEvery is null");
        requireNonNull(checks, "checks is null");
        if (refreshEvery.compareTo(MIN_REFRESH) < 0 || refreshEvery.compareTo(MAX_REFRESH) > 0) {
            throw new ConfigException("the IP data refresh interval must be between " + MIN_REFRESH.toSeconds() + " and " + MAX_REFRESH.toSeconds()
                    + " seconds, not " + refreshEvery.toSeconds());
        }
    }
}
