package io.seatguard.core.policy;

/** The stage that turns an evaluation's facts into a verdict. */
public interface PolicyStage {
    PolicyDecision decide(String appId, PolicyFacts facts);
}
