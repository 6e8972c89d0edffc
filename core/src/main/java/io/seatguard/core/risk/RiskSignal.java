package io.seatguard.core.risk;

import static java.util.Objects.requireNonNull;

/** One reason a score went up, with the points it added and what it saw. */
public record RiskSignal(String name, int points, String detail) {
    public RiskSignal {
        requireNonNull(name, "name is null");
        requireNonNull(detail, "detail is null");
    }
}
