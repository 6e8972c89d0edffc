package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.evaluation.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * What an operator writes: a policy without its id and times. Only {@link PolicyParser} makes one from
 * client input, so a definition in hand is a valid one.
 *
 * @param actions the evaluation actions the policy applies to
 */
public record PolicyDefinition(
        String name,
        boolean enabled,
        PolicyMode mode,
        int priority,
        List<String> actions,
        Condition conditions,
        Verdict verdict,
        Optional<ChallengeConfig> challenge) {
    public PolicyDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(mode, "mode is null");
        actions = List.copyOf(actions);
        requireNonNull(conditions, "conditions is null");
        requireNonNull(verdict, "verdict is null");
        requireNonNull(challenge, "challenge is null");
    }
}
