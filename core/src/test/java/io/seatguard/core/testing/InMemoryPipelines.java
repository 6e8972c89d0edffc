package io.seatguard.core.testing;

import io.seatguard.core.checks.CheckRegistry;
import io.seatguard.core.evaluation.EvaluationPipeline;
import io.seatguard.core.identity.DeviceResolver;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.policy.NoPolicies;

/** The evaluation pipeline as the server wires it, over the in-memory store, with the standard checks and no policies. */
public final class InMemoryPipelines {
    private InMemoryPipelines() {}

    public static EvaluationPipeline standard(InMemoryEvaluationStore store, IdGenerator ids, MutableClock clock) {
        return new EvaluationPipeline(new FixedUserAgentParser(), new DeviceResolver(store, ids::newRandomId), store, CheckRegistry.standard(),
                new NoPolicies(), store, ids, clock);
    }
}
