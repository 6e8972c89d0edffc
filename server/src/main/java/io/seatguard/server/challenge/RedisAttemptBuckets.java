package io.seatguard.server.challenge;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeoutException;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.seatguard.storage.RedisHealth;
import io.seatguard.storage.RedisLink;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Attempt-limit buckets shared by every node through Redis (Bucket4j's compare-and-swap proxy over
 * Lettuce). Each bucket is one key, {@code seatguard:attempts:<limit>:<account or IP>}, which Redis
 * drops once the bucket would be full again, so idle accounts and addresses leave nothing behind.
 */
public final class RedisAttemptBuckets implements AttemptLimits.Buckets {
    private static final String PREFIX = "seatguard:attempts:";
    /** A bucket is kept this long past the moment it would be full again. */
    private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(10);

    private final RedisLink<String, byte[]> link;
    private final ProxyManager<String> proxies;

    private RedisAttemptBuckets(RedisLink<String, byte[]> link) {
        this.link = link;
        this.proxies = Bucket4jLettuce.casBasedBuilder(link.connection())
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
                .requestTimeout(RedisLink.COMMAND_TIMEOUT)
                .build();
    }

    /** Connects to {@code redis://host:port[/db]}; commands time out after two seconds. */
    public static RedisAttemptBuckets connect(String url) {
        return RedisLink.open(url, RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE)).build(RedisAttemptBuckets::new);
    }

    /** Its link's state, for readiness and metrics. */
    public RedisHealth health() {
        return link;
    }

    @Override
    public Bucket bucket(AttemptLimits.Limit limit, String key) {
        return proxies.builder().build(PREFIX + limit.name() + ':' + key, () -> BucketConfiguration.builder().addLimit(limit.bandwidth()).build());
    }

    /**
     * Through the link's outage gate. Bucket4j gives up on a silent Redis with a timeout of its own,
     * said here as Lettuce says it, so that the gate knows it for an unreachable Redis.
     */
    @Override
    public <T> T call(Supplier<T> work) {
        return link.call(() -> {
            try {
                return work.get();
            }
            catch (TimeoutException e) {
                RedisCommandTimeoutException timeout = new RedisCommandTimeoutException(e.getMessage());
                timeout.initCause(e);
                throw timeout;
            }
        });
    }

    @Override
    public void close() {
        link.close();
    }
}
