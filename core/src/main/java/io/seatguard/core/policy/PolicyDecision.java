package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.evaluation.Verdict;
import java.util.Optional;

/** What the policy stage decided: a verdict, the policy behind it, and any challenge it opened. */
public record PolicyDecision(Verdict verdict, Optional<PolicyRef> policy, Optional<ChallengeRef> challenge, Optional<String> redirect) {
    /** Nothing matched: allow, and say so by naming no policy. */
    public static final PolicyDecision ALLOW_NO_MATCH = new PolicyDecision(Verdict.ALLOW, Optional.empty(), Optional.empty(), Optional.empty());

    public PolicyDecision {
        requireNonNull(verdict, "verdict is null");
        requireNonNull(policy, "policy is null");
        requireNonNull(challenge, "challenge is null");
        requireNonNull(redirect, "redirect is null");
    }
}
