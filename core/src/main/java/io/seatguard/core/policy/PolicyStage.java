package io.seatguard.core.policy;

import io.seatguard.core.checks.CheckInputs;
import java.util.Map;

/** The stage that turns checks into a verdict. */
public interface PolicyStage {
    PolicyDecision decide(CheckInputs inputs, Map<String, Object> checks);
}
