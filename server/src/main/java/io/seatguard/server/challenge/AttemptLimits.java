package io.seatguard.server.challenge;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.seatguard.storage.CacheBuilders;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate limits on the hosted pages, beyond the challenge's own attempt count: code checks and code
 * sends per account and per client IP (token buckets, Bucket4j), so guessing cannot be spread over
 * many challenges of one account or many accounts from one address, nor codes (and SMS bills) be
 * sent without end.
 *
 * <p>One node keeps its buckets in memory ({@link #local()}); several share them through Redis
 * ({@link RedisAttemptBuckets}), or each node would allow its own share and a cluster of N nodes N
 * times the limit. When the shared store fails, a node falls back to its own buckets rather than
 * refusing every code or letting every attempt through.
 */
public final class AttemptLimits implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AttemptLimits.class);

    /** One limit: {@code capacity} actions, refilled over {@code period}. */
    public record Limit(String name, long capacity, Duration period) {
        /** This limit as a token bucket's bandwidth, alike on every node. */
        Bandwidth bandwidth() {
            return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
        }
    }

    /** Where the buckets live: in this process, or shared. */
    public interface Buckets extends AutoCloseable {
        Bucket bucket(Limit limit, String key);

        @Override
        default void close() {}
    }

    public static final Limit VERIFY_PER_ACCOUNT = new Limit("verify-account", 20, Duration.ofHours(1));
    public static final Limit VERIFY_PER_IP = new Limit("verify-ip", 30, Duration.ofMinutes(10));
    public static final Limit SEND_PER_ACCOUNT = new Limit("send-account", 10, Duration.ofHours(1));
    public static final Limit SEND_PER_IP = new Limit("send-ip", 20, Duration.ofMinutes(10));

    private final Buckets buckets;
    private final Buckets fallback;
    private final AtomicBoolean degraded = new AtomicBoolean();

    private AttemptLimits(Buckets buckets, Buckets fallback) {
        this.buckets = requireNonNull(buckets, "buckets is null");
        this.fallback = requireNonNull(fallback, "fallback is null");
    }

    /** Limits kept by this node alone. */
    public static AttemptLimits local() {
        LocalBuckets local = new LocalBuckets();
        return new AttemptLimits(local, local);
    }

    /** Limits shared through {@code shared}, falling back to this node's own when it fails. */
    public static AttemptLimits shared(Buckets shared) {
        return new AttemptLimits(shared, new LocalBuckets());
    }

    /** Takes one token from every limit, or none; empty when allowed, else how long to wait. */
    public Optional<Duration> tryAcquire(Limit first, String firstKey, Limit second, String secondKey) {
        if (buckets != fallback) {
            try {
                Optional<Duration> shared = tryAcquire(buckets, first, firstKey, second, secondKey);
                if (degraded.compareAndSet(true, false)) {
                    log.info("shared attempt limits answer again");
                }
                return shared;
            }
            catch (RuntimeException e) {
                // Once per outage, not once per attempt: a Redis outage must not flood the log.
                if (degraded.compareAndSet(false, true)) {
                    log.warn("shared attempt limits failed; this node limits on its own until they answer again: {}", e.toString());
                }
            }
        }
        return tryAcquire(fallback, first, firstKey, second, secondKey);
    }

    private static Optional<Duration> tryAcquire(Buckets from, Limit first, String firstKey, Limit second, String secondKey) {
        Bucket a = from.bucket(first, firstKey);
        ConsumptionProbe probeA = a.tryConsumeAndReturnRemaining(1);
        if (!probeA.isConsumed()) {
            return Optional.of(Duration.ofNanos(probeA.getNanosToWaitForRefill()));
        }
        ConsumptionProbe probeB = from.bucket(second, secondKey).tryConsumeAndReturnRemaining(1);
        if (!probeB.isConsumed()) {
            // Refused: the attempt takes nothing from the first limit either.
            a.addTokens(1);
            return Optional.of(Duration.ofNanos(probeB.getNanosToWaitForRefill()));
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        buckets.close();
    }

    /** This process's buckets, forgotten two hours after their last use (every limit refills within that). */
    private static final class LocalBuckets implements Buckets {
        private final Cache<String, Bucket> byKey = CacheBuilders.bounded(200_000).expireAfterAccess(Duration.ofHours(2)).build();

        @Override
        public Bucket bucket(Limit limit, String key) {
            return byKey.get(limit.name() + '|' + key, ignored -> Bucket.builder().addLimit(limit.bandwidth()).build());
        }
    }
}
