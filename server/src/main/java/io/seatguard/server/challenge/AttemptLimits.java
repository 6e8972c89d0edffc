package io.seatguard.server.challenge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;

/**
 * Rate limits on the hosted pages, beyond the challenge's own attempt count: code checks and code
 * sends per account and per client IP (token buckets, Bucket4j), so guessing cannot be spread over
 * many challenges of one account or many accounts from one address. Kept per node: each node of a
 * cluster allows its own share.
 */
public final class AttemptLimits {
    /** One limit: {@code capacity} actions, refilled over {@code period}. */
    public record Limit(String name, long capacity, Duration period) {}

    public static final Limit VERIFY_PER_ACCOUNT = new Limit("verify-account", 20, Duration.ofHours(1));
    public static final Limit VERIFY_PER_IP = new Limit("verify-ip", 30, Duration.ofMinutes(10));
    public static final Limit SEND_PER_ACCOUNT = new Limit("send-account", 10, Duration.ofHours(1));
    public static final Limit SEND_PER_IP = new Limit("send-ip", 20, Duration.ofMinutes(10));

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(2)).maximumSize(200_000).build();

    /** Takes one token from every limit, or none; empty when allowed, else how long to wait. */
    public Optional<Duration> tryAcquire(Limit first, String firstKey, Limit second, String secondKey) {
        Bucket a = bucket(first, firstKey);
        Bucket b = bucket(second, secondKey);
        ConsumptionProbe probeA = a.tryConsumeAndReturnRemaining(1);
        if (!probeA.isConsumed()) {
            return Optional.of(Duration.ofNanos(probeA.getNanosToWaitForRefill()));
        }
        ConsumptionProbe probeB = b.tryConsumeAndReturnRemaining(1);
        if (!probeB.isConsumed()) {
            a.addTokens(1);
            return Optional.of(Duration.ofNanos(probeB.getNanosToWaitForRefill()));
        }
        return Optional.empty();
    }

    private Bucket bucket(Limit limit, String key) {
        return buckets.get(limit.name() + '|' + key, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
                .build());
    }
}
