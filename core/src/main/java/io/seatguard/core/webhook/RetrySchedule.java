package io.seatguard.core.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: the Standard Webhooks schedule, 5 s, 5 min, 30 min, 2 h, 5 h,
 * 10 h and 10 h after each failed try ends (the last try about 27.5 hours after the first). Every try carries
 * the same {@code webhook-id}, so a receiver can drop duplicates.
 */
public final class RetrySchedule {
    public static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
            Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    private RetrySchedule() {}

    /** The wait after the {@code attempts}-th failed try, or empty when that was the last. */
    public static Optional<Duration> after(int attempts) {
        return attempts >= 1 && attempts <= DELAYS.size() ? Optional.of(DELAYS.get(attempts - 1)) : Optional.empty();
    }
}
