package io.seatguard.core.testing;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.evaluation.ConsumeOutcome;
import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.evaluation.EvaluationStore;
import io.seatguard.core.evaluation.EvaluationWrite;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A store whose every write first runs a step of the test's (wait, stage a race, count or refuse it),
 * the reads going straight through: how races with the durable write are staged.
 */
public final class BeforeEachWrite {
    private BeforeEachWrite() {}

    /** {@code store}, each write running {@code before} first; a write {@code before} throws out of is not made. */
    public static EvaluationStore of(EvaluationStore store, Consumer<EvaluationWrite> before) {
        requireNonNull(store, "store is null");
        requireNonNull(before, "before is null");
        return new EvaluationStore() {
            @Override
            public void record(EvaluationWrite write) {
                before.accept(write);
                store.record(write);
            }

            @Override
            public Optional<Evaluation> find(String appId, String evaluationId) {
                return store.find(appId, evaluationId);
            }

            @Override
            public ConsumeOutcome consume(String appId, String evaluationId, Instant at) {
                return store.consume(appId, evaluationId, at);
            }
        };
    }
}
