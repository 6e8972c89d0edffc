package io.seatguard.server.challenge;

import static java.util.Objects.requireNonNull;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;

/**
 * Attempt-limit buckets shared by every node through Redis (Bucket4j's compare-and-swap proxy over
 * Lettuce). Each bucket is one key, {@code seatguard:attempts:<limit>:<account or IP>}, which Redis
 * drops once the bucket would be full again, so idle accounts and addresses leave nothing behind.
 */
public final class RedisAttemptBuckets implements AttemptLimits.Buckets {
    private static final String PREFIX = "seatguard:attempts:";
    /** A bucket is kept this long past the moment it would be full again. */
    private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(10);

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final ProxyManager<String> proxies;

    private RedisAttemptBuckets(RedisClient client, StatefulRedisConnection<String, byte[]> connection) {
        this.client = client;
        this.connection = connection;
        this.proxies = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
                .requestTimeout(Duration.ofSeconds(2))
                .build();
    }

    /** Connects to {@code redis://host:port[/db]}; commands time out after two seconds. */
    public static RedisAttemptBuckets connect(String url) {
        requireNonNull(url, "url is null");
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(Duration.ofSeconds(2));
        RedisClient client = RedisClient.create(uri);
        try {
            return new RedisAttemptBuckets(client, client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE)));
        }
        catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    @Override
    public Bucket bucket(AttemptLimits.Limit limit, String key) {
        return proxies.builder().build(PREFIX + limit.name() + ':' + key, () -> BucketConfiguration.builder().addLimit(limit.bandwidth()).build());
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
