package io.seatguard.core.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Port: counts of what happened to an app over a period, for the dashboard's overview. Counted where
 * the rows are (one grouped query each), so a month of evaluations is never loaded to draw a chart.
 */
public interface ActivityStats {
    /**
     * The app's evaluations created and recorded in {@code [from, to)} (an evaluation backdated into the
     * period with a {@code timestamp} is left out), counted per action and verdict in buckets of
     * {@code bucket} from {@code from} (bucket 0 starts at {@code from}). Empty buckets are absent.
     */
    List<EvaluationCount> evaluations(String appId, Instant from, Instant to, Duration bucket);

    /** The app's challenges opened in {@code [from, to)}, by how they stand at {@code now}. */
    ChallengeCounts challenges(String appId, Instant from, Instant to, Instant now);

    record EvaluationCount(int bucket, String action, String verdict, long count) {}

    /**
     * Challenges issued; of those, completed, failed (declined or out of attempts) and expired; and
     * how many sent the browser on to the policy's {@code success_url} (a passed login or signup, or a
     * sharer on an access challenge offered the sign-up page).
     */
    record ChallengeCounts(long issued, long completed, long failed, long expired, long toSuccessUrl) {}
}
