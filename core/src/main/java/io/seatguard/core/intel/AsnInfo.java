package io.seatguard.core.intel;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** The autonomous system that announces an address, and its organisation's name. */
public record AsnInfo(long number, Optional<String> organization, SourceRef source) {
    public AsnInfo {
        if (number < 0 || number > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("ASN out of range: " + number);
        }
        requireNonNull(organization, "organization is null");
        requireNonNull(source, "source is null");
    }
}
