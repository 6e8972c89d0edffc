package io.seatguard.core.evaluation;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.intel.SourceRef;
import java.util.Map;
import java.util.Optional;

/**
 * Anonymity flags (CONTRACT.md {@code detection_flags}). Each is empty while no source has judged it:
 * "we did not look" must not read as "we looked and it is clean".
 *
 * @param sources for each flag that has a value, by its wire name ({@code vpn}, {@code ip_mismatch}, …),
 *     the source that set it and that source's date
 */
public record DetectionFlags(
        Optional<Boolean> vpn,
        Optional<Boolean> proxy,
        Optional<Boolean> tor,
        Optional<Boolean> hosting,
        Optional<Boolean> relay,
        Optional<Boolean> ipMismatch,
        Optional<Boolean> timezoneMismatch,
        Map<String, SourceRef> sources) {
    public static final DetectionFlags UNKNOWN = new DetectionFlags(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

    public DetectionFlags {
        requireNonNull(vpn, "vpn is null");
        requireNonNull(proxy, "proxy is null");
        requireNonNull(tor, "tor is null");
        requireNonNull(hosting, "hosting is null");
        requireNonNull(relay, "relay is null");
        requireNonNull(ipMismatch, "ipMismatch is null");
        requireNonNull(timezoneMismatch, "timezoneMismatch is null");
        sources = Map.copyOf(requireNonNull(sources, "sources is null"));
    }
}
