package io.seatguard.core.account;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.intel.Coordinates;
import java.time.Instant;

/** An earlier evaluation of the account whose place was known: where and when. */
public record LocatedEvent(Instant at, Coordinates coordinates) {
    public LocatedEvent {
        requireNonNull(at, "at is null");
        requireNonNull(coordinates, "coordinates is null");
    }
}
