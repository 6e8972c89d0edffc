package io.seatguard.core.policy;

import io.seatguard.core.evaluation.Evaluation;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Stored evaluations read back in bulk, for backtests. */
public interface EvaluationArchive {
    /** The app's evaluations created in {@code [from, to)}, newest first, at most {@code limit}. */
    List<Evaluation> between(String appId, Instant from, Instant to, int limit);

    /**
     * The same evaluations handed to {@code each} one at a time, newest first, so a caller that only
     * tallies them never holds them all; a store reads them a page at a time.
     */
    default void forEachBetween(String appId, Instant from, Instant to, int limit, Consumer<Evaluation> each) {
        between(appId, from, to, limit).forEach(each);
    }
}
