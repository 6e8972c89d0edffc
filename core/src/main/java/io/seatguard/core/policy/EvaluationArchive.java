package io.seatguard.core.policy;

import io.seatguard.core.evaluation.Evaluation;
import java.time.Instant;
import java.util.List;

/** Stored evaluations read back in bulk, for backtests. */
public interface EvaluationArchive {
    /** The app's evaluations created in {@code [from, to)}, newest first, at most {@code limit}. */
    List<Evaluation> between(String appId, Instant from, Instant to, int limit);
}
