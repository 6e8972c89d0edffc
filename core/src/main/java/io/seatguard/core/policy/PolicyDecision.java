package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.evaluation.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * What the policy stage decided.
 *
 * @param policy the enforced policy behind the verdict; when none was enforced, the highest monitor
 *     policy that matched (the verdict is then {@code allow} and the match says what it would have done)
 * @param monitored every monitor policy that matched, in the engine's order
 * @param decidedBy the enforced policy itself, for the pipeline to open its challenge
 */
public record PolicyDecision(
        Verdict verdict,
        Optional<PolicyMatch> policy,
        List<PolicyMatch> monitored,
        Optional<Policy> decidedBy) {
    /** Nothing matched: allow, and say so by naming no policy. */
    public static final PolicyDecision ALLOW_NO_MATCH = new PolicyDecision(Verdict.ALLOW, Optional.empty(), List.of(), Optional.empty());

    public PolicyDecision {
        requireNonNull(verdict, "verdict is null");
        requireNonNull(policy, "policy is null");
        monitored = List.copyOf(monitored);
        requireNonNull(decidedBy, "decidedBy is null");
    }
}
