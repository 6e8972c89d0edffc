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
 * Lettuce). Each bucket is one key, {@code seatguard:attempts:<limit>:<hash>}, which Redis drops once the
 * bucket would be full again, so idle accounts and addresses leave nothing behind. The hash is an
 * HMAC-SHA-256 of the bucket's key (an account id, an email address or phone number, a client address)
 * under the server's code key ({@code --code-key}, else the one kept in the database): Redis never holds
 * an address in clear, and a copy of Redis alone cannot tell whose buckets it holds by hashing guesses.
 */
public final class RedisAttemptBuckets implements AttemptLimits.Buckets {
    private static final String PREFIX = "seatguard:attempts:";
    /** A bucket is kept this long past the moment it would be full again. */
    private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(10);

    private final RedisLink<String, byte[]> link;
    private final ProxyManager<String> proxies;
    private final KeyNames names;

    private RedisAttemptBuckets(RedisLink<String, byte[]> link, KeyNames names) {
        this.link = link;
        this.names = names;
        this.proxies = Bucket4jLettuce.casBasedBuilder(link.connection())
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
                .requestTimeout(RedisLink.COMMAND_TIMEOUT)
                .build();
    }

    /**
     * Connects to {@code redis://host:port[/db]}; commands time out after two seconds. Keys are named by
     * their HMAC under {@code hashKey} (the server's code key).
     */
    public static RedisAttemptBuckets connect(String url, byte[] hashKey) {
        KeyNames names = new KeyNames(hashKey);
        return RedisLink.open(url, RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE)).build(link -> new RedisAttemptBuckets(link, names));
    }

    /** Its link's state, for readiness and metrics. */
    public RedisHealth health() {
        return link;
    }

    @Override
    public Bucket bucket(AttemptLimits.Limit limit, String key) {
        return proxies.builder().build(name(limit, key), () -> BucketConfiguration.builder().addLimit(limit.bandwidth()).build());
    }

    @Override
    public void forget(AttemptLimits.Limit limit, String key) {
        proxies.removeProxy(name(limit, key));
    }

    /** The Redis key of {@code limit}'s bucket for {@code key}: the limit's name, and the key's HMAC. */
    String name(AttemptLimits.Limit limit, String key) {
        return PREFIX + limit.name() + ':' + names.hash(limit.name() + '|' + key);
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
