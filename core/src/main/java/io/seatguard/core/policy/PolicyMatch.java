package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.evaluation.Verdict;
import java.util.List;

/**
 * A policy that matched an evaluation, and why (CONTRACT.md {@code policy}).
 *
 * @param mode {@code enforce} or {@code monitor}
 * @param verdict the policy's verdict: applied when enforced, what it would have done when monitored
 * @param reasons the conditions that decided the match, with the values they saw
 * @param reasonsOmitted how many more reasons the match had than {@code reasons} records: an evaluation
 *     records at most {@link ReasonBudget#MAX_REASONS} in all ({@link ReasonBudget})
 */
public record PolicyMatch(String id, String name, String mode, Verdict verdict, List<MatchReason> reasons, int reasonsOmitted) {
    public PolicyMatch {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(verdict, "verdict is null");
        reasons = List.copyOf(reasons);
        if (reasonsOmitted < 0) {
            throw new IllegalArgumentException("reasonsOmitted is negative: " + reasonsOmitted);
        }
    }

    /** A match with every reason recorded. */
    public PolicyMatch(String id, String name, String mode, Verdict verdict, List<MatchReason> reasons) {
        this(id, name, mode, verdict, reasons, 0);
    }
}
