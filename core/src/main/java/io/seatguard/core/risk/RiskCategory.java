package io.seatguard.core.risk;

import static java.util.Objects.requireNonNull;

/** A named risk (account_sharing, ato, …) with its own score and severity. */
public record RiskCategory(String category, int score, String severity) {
    public RiskCategory {
        requireNonNull(category, "category is null");
        requireNonNull(severity, "severity is null");
    }
}
