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
 * @param notifyChannels channels to tell the account owner on, when this policy decides (seed 002: "new device
 *     within your limit → notify the owner"); empty: nobody is told
 */
public record PolicyDefinition(
        String name,
        boolean enabled,
        PolicyMode mode,
        int priority,
        List<String> actions,
        Condition conditions,
        Verdict verdict,
        Optional<ChallengeConfig> challenge,
        List<String> notifyChannels) {
    /** A definition that notifies nobody. */
    public PolicyDefinition(String name, boolean enabled, PolicyMode mode, int priority, List<String> actions, Condition conditions, Verdict verdict,
            Optional<ChallengeConfig> challenge) {
        this(name, enabled, mode, priority, actions, conditions, verdict, challenge, List.of());
    }

    public PolicyDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(mode, "mode is null");
        actions = List.copyOf(actions);
        requireNonNull(conditions, "conditions is null");
        requireNonNull(verdict, "verdict is null");
        requireNonNull(challenge, "challenge is null");
        notifyChannels = List.copyOf(notifyChannels);
    }
}
