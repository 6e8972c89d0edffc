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
 */
public record PolicyMatch(String id, String name, String mode, Verdict verdict, List<MatchReason> reasons) {
    public PolicyMatch {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(verdict, "verdict is null");
        reasons = List.copyOf(reasons);
    }
}
