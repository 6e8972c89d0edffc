package io.seatguard.server.webhook;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.webhook.EndpointHealth.DisabledReason;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The disabled webhook endpoints of every app, by reason, as the metrics show them: read from storage,
 * so that an endpoint another node disabled shows on this one too, and kept for {@link #MAX_AGE} so that
 * scrapes (each reading one gauge per reason) cost at most one read per {@link #MAX_AGE}. A change shows
 * on every node's metrics within that long, this node's own included.
 */
public final class DisabledEndpointCounts {
    private static final Logger log = LoggerFactory.getLogger(DisabledEndpointCounts.class);
    public static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final Supplier<Map<DisabledReason, Long>> stored;
    private final InstantSource clock;
    /** Guarded by this; null until the first read, and after a read that failed. */
    private Map<DisabledReason, Long> counts;
    private Instant readAt;

    public DisabledEndpointCounts(Supplier<Map<DisabledReason, Long>> stored, InstantSource clock) {
        this.stored = requireNonNull(stored, "stored is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * How many endpoints are disabled for {@code reason}; NaN when storage could not say (a gauge that
     * read 0 then would tell an alert all is well). A failed read is not tried again within {@link #MAX_AGE}
     * either, so an unreachable database costs a scrape no more than one wait.
     */
    public synchronized double count(DisabledReason reason) {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(MAX_AGE))) {
            readAt = now;
            try {
                counts = Map.copyOf(stored.get());
            }
            catch (RuntimeException e) {
                counts = null;
                log.debug("Disabled webhook endpoints could not be counted for the metrics: {}", e.getMessage());
            }
        }
        return counts == null ? Double.NaN : counts.getOrDefault(reason, 0L);
    }
}
