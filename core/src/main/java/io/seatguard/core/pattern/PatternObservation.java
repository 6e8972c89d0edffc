package io.seatguard.core.pattern;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What one evaluation says about one pattern of its account: the value now (or one more occurrence,
 * for a counter), and the level that value reaches.
 *
 * @param value the pattern's value now; for a counter, 1 (this occurrence)
 * @param level the level of {@code value}; always present for a gauge. For a counter it is what one
 *     occurrence reaches, empty below the suspicious threshold: the occurrence is still counted, and the
 *     store judges the running total
 * @param thresholds the pattern's thresholds, by which the store judges a counter's running total
 */
public record PatternObservation(PatternKind kind, long value, Optional<PatternLevel> level, PatternThresholds.Pair thresholds) {
    public PatternObservation {
        requireNonNull(kind, "kind is null");
        requireNonNull(level, "level is null");
        requireNonNull(thresholds, "thresholds is null");
        if (level.isEmpty() && !kind.isCounter()) {
            throw new IllegalArgumentException("a gauge is observed only at a level, not " + kind.wireName() + " at " + value);
        }
    }

    /** The level's rank, 0 for none (a counter's occurrence below the suspicious threshold). */
    public int rank() {
        return level.map(PatternLevel::rank).orElse(0);
    }
}
