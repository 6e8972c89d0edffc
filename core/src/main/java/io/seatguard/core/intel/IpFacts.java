package io.seatguard.core.intel;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything outside data says about one address. A kind missing from {@code anonymity} was not judged
 * (no source for it is loaded): unknown, which is not the same as "clean".
 */
public record IpFacts(Optional<IpLocation> location, Optional<AsnInfo> asn, Map<Anonymity, Judgement> anonymity) {
    public static final IpFacts UNKNOWN = new IpFacts(Optional.empty(), Optional.empty(), Map.of());

    public IpFacts {
        requireNonNull(location, "location is null");
        requireNonNull(asn, "asn is null");
        anonymity = anonymity.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(requireNonNull(anonymity, "anonymity is null")));
    }

    public Optional<Judgement> judged(Anonymity kind) {
        return Optional.ofNullable(anonymity.get(kind));
    }

    /** Whether any source put the address behind an anonymising network. */
    public boolean masked() {
        return anonymity.values().stream().anyMatch(Judgement::value);
    }

    public Optional<String> country() {
        return location.flatMap(IpLocation::country);
    }
}
