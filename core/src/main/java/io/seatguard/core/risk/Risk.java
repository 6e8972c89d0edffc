package io.seatguard.core.risk;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The risk part of an evaluation (CONTRACT.md {@code risk}): a 0–100 score explained by its signals. */
public record Risk(int score, List<RiskSignal> signals, List<RiskCategory> risks) {
    /** No signal fired. */
    public static final Risk NONE = new Risk(0, List.of(), List.of());

    public Risk {
        signals = List.copyOf(requireNonNull(signals, "signals is null"));
        risks = List.copyOf(requireNonNull(risks, "risks is null"));
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be within [0, 100]: " + score);
        }
    }
}
