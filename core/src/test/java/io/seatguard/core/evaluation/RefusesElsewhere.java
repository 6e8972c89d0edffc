package io.seatguard.core.evaluation;

import io.seatguard.core.identity.DeviceResolver;
import io.seatguard.core.ids.IdGenerator;
import io.seatguard.core.policy.PolicyDecision;
import io.seatguard.core.policy.PolicyStage;
import io.seatguard.core.testing.FixedUserAgentParser;
import io.seatguard.core.testing.InMemoryEvaluationStore;
import io.seatguard.core.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The set-up of the tests of what a refused evaluation may write to a device it found: a pipeline over an
 * in-memory store whose policy refuses (deny, or what {@link #refuseWith} says) every evaluation from
 * {@link #ELSEWHERE} and allows the rest, the owner's home among them.
 */
final class RefusesElsewhere {
    static final String APP = "app_test";
    static final String OWNER_HOME = "198.51.100.1";
    static final String ELSEWHERE = "203.0.113.9";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    final InMemoryEvaluationStore store = new InMemoryEvaluationStore();
    final EvaluationPipeline pipeline;
    private Verdict refusal = Verdict.DENY;

    /** @param seed the ids' random seed */
    RefusesElsewhere(long seed) {
        IdGenerator ids = new IdGenerator(clock, new Random(seed));
        PolicyStage refuseElsewhere = (appId, facts) -> facts.ip().equals(ELSEWHERE)
                ? new PolicyDecision(refusal, Optional.empty(), List.of(), Optional.empty())
                : PolicyDecision.ALLOW_NO_MATCH;
        pipeline = new EvaluationPipeline(new FixedUserAgentParser(), new DeviceResolver(store, ids::newRandomId), store,
                io.seatguard.core.checks.CheckRegistry.standard(), refuseElsewhere, store, ids, clock);
    }

    /** Evaluations from {@link #ELSEWHERE} get {@code verdict} from now on. */
    void refuseWith(Verdict verdict) {
        refusal = verdict;
    }
}
