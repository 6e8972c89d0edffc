package io.seatguard.core.pattern;

import static java.util.Objects.requireNonNull;

/**
 * What one evaluation says about one pattern of its account: the value now (or one more occurrence,
 * for a counter), and the level that value reaches.
 *
 * @param value the pattern's value now; for a counter, 1 (this occurrence)
 * @param level the level of {@code value}; for a counter the store re-judges the running total
 * @param thresholds the pattern's thresholds, by which the store judges a counter's running total
 */
public record PatternObservation(PatternKind kind, long value, PatternLevel level, PatternThresholds.Pair thresholds) {
    public PatternObservation {
        requireNonNull(kind, "kind is null");
        requireNonNull(level, "level is null");
        requireNonNull(thresholds, "thresholds is null");
    }
}
