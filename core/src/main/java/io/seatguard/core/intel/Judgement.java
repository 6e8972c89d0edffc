package io.seatguard.core.intel;

import static java.util.Objects.requireNonNull;

/** A yes or no from one source: a list that holds (or does not hold) the address. */
public record Judgement(boolean value, SourceRef source) {
    public Judgement {
        requireNonNull(source, "source is null");
    }
}
