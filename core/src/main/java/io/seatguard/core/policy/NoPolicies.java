package io.seatguard.core.policy;

/**
 * The policy stage of an app with no enabled policy: every evaluation is allowed and its signals are
 * still recorded (CONTRACT.md "Policies"; seed 000: "Until a policy exists, evaluate.access just
 * gathers signals").
 */
public final class NoPolicies implements PolicyStage {
    @Override
    public PolicyDecision decide(String appId, PolicyFacts facts) {
        return PolicyDecision.ALLOW_NO_MATCH;
    }
}
