package io.seatguard.core.evaluation;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.intel.IpFacts;
import io.seatguard.core.intel.Place;
import java.util.Optional;

/**
 * What one evaluation knows of its networks: the public address (the HTTP peer), the real network the
 * browser exposed over UDP (local IP, when it did), the anonymity flags and where the person likely is.
 */
public record NetworkView(IpInfo publicIp, IpFacts publicFacts, Optional<IpInfo> localIp, Optional<IpFacts> localFacts, DetectionFlags flags,
        Place place) {
    public NetworkView {
        requireNonNull(publicIp, "publicIp is null");
        requireNonNull(publicFacts, "publicFacts is null");
        requireNonNull(localIp, "localIp is null");
        requireNonNull(localFacts, "localFacts is null");
        requireNonNull(flags, "flags is null");
        requireNonNull(place, "place is null");
    }
}
