package io.seatguard.server.config;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.checks.CheckSettings;
import io.seatguard.intel.ip.IntelConfig;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * IP intelligence sources, how often they are re-read, the thresholds of the network and history
 * checks (docs/ip-intelligence.md, docs/checks.md), and the STUN responder's UDP port.
 *
 * @param stunPort the UDP port STUN answers on (0 picks a free one); empty turns STUN off
 */
public record NetworkSettings(IntelConfig intel, Duration refreshEvery, CheckSettings checks, OptionalInt stunPort) {
    public static final int DEFAULT_STUN_PORT = 3478;
    public static final Duration DEFAULT_REFRESH = Duration.ofHours(1);
    static final Duration MIN_REFRESH = Duration.ofMinutes(1);
    static final Duration MAX_REFRESH = Duration.ofDays(7);

    /** No IP data (tests that do not need it start faster); history checks with default thresholds. */
    public static final NetworkSettings NONE = new NetworkSettings(IntelConfig.NONE, DEFAULT_REFRESH, CheckSettings.DEFAULTS);

    /** Without STUN (tests: many servers on one machine must not compete for UDP 3478). */
    public NetworkSettings(IntelConfig intel, Duration refreshEvery, CheckSettings checks) {
        this(intel, refreshEvery, checks, OptionalInt.empty());
    }

    public NetworkSettings {
        requireNonNull(intel, "intel is null");
        requireNonNull(refreshEvery, "refreshEvery is null");
        requireNonNull(checks, "checks is null");
        requireNonNull(stunPort, "stunPort is null");
        if (stunPort.isPresent() && (stunPort.getAsInt() < 0 || stunPort.getAsInt() > 65535)) {
            throw new ConfigException("the STUN port (--stun-port, SEATGUARD_STUN_PORT) must be between 0 and 65535, not " + stunPort.getAsInt());
        }
        if (refreshEvery.compareTo(MIN_REFRESH) < 0 || refreshEvery.compareTo(MAX_REFRESH) > 0) {
            throw new ConfigException("the IP data refresh interval (--ip-data-refresh, SEATGUARD_IP_DATA_REFRESH) must be between " + MIN_REFRESH.toSeconds() + " and " + MAX_REFRESH.toSeconds()
                    + " seconds, not " + refreshEvery.toSeconds());
        }
    }

    public NetworkSettings withStunPort(OptionalInt port) {
        return new NetworkSettings(intel, refreshEvery, checks, port);
    }
}
