package io.seatguard.core.policy;

import java.util.Optional;

/** The stage that turns an evaluation's facts into a verdict. */
public interface PolicyStage {
    PolicyDecision decide(String appId, PolicyFacts facts);

    /**
     * Where a device logged out of an account should land on this action: the {@code logout_url} of the
     * highest enabled, enforced policy for the action whose challenge names one. Empty when none does.
     */
    default Optional<String> logoutUrl(String appId, String action) {
        return Optional.empty();
    }
}
