package io.seatguard.core.evaluation;

import java.time.Instant;
import java.util.Optional;

/** Port: durable storage of evaluations. */
public interface EvaluationStore {
    /**
     * Commits the write and returns only once it is durable: an evaluation acknowledged to a caller must
     * survive a crash (DESIGN.md "Nothing lost").
     *
     * @throws DeviceClaimConflict when a new device lost a race for its token, or for a fingerprint
     *     resolution found free (see there)
     * @throws DeletedSinceRead when the account the write says was known ({@link EvaluationWrite#accountKnown}),
     *     or the known device it names, is gone (see there)
     */
    void record(EvaluationWrite write);

    Optional<Evaluation> find(String appId, String evaluationId);

    /** Marks the evaluation consumed if nobody has; one atomic conditional update. */
    ConsumeOutcome consume(String appId, String evaluationId, Instant at);
}
