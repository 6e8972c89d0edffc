package io.seatguard.core.intel;

import java.net.InetAddress;

/**
 * Port: what outside data (geolocation, ASN, anonymity lists) says about an address. Implementations
 * answer from memory, never throw, and return {@link IpFacts#UNKNOWN} parts for whatever they cannot
 * tell: missing data degrades to "unknown", never to a crash or a false positive.
 */
@FunctionalInterface
public interface IpIntelligence {
    /** Knows nothing: every evaluation's network facts are unknown. */
    IpIntelligence NONE = address -> IpFacts.UNKNOWN;

    IpFacts lookup(InetAddress address);
}
