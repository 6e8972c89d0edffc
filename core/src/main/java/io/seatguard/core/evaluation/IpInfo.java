package io.seatguard.core.evaluation;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * An address and what geolocation knows of it. Every part but the address is empty until an IP
 * intelligence source answers; empty means unknown, never a guess.
 */
public record IpInfo(
        String address,
        Optional<String> country,
        Optional<String> city,
        Optional<Double> latitude,
        Optional<Double> longitude,
        Optional<Long> asn,
        Optional<String> asnOrg) {
    public IpInfo {
        requireNonNull(address, "address is null");
        requireNonNull(country, "country is null");
        requireNonNull(city, "city is null");
        requireNonNull(latitude, "latitude is null");
        requireNonNull(longitude, "longitude is null");
        requireNonNull(asn, "asn is null");
        requireNonNull(asnOrg, "asnOrg is null");
    }

    public static IpInfo addressOnly(String address) {
        return new IpInfo(address, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
