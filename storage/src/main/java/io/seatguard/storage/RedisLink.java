package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.RedisCodec;
import java.time.Duration;
import java.util.function.Function;

/**
 * One Lettuce client and its connection to {@code redis://host:port[/db]}, opened and closed together,
 * for each part of Seatguard that shares state through Redis (presence, attempt limits).
 */
public record RedisLink<K, V>(RedisClient client, StatefulRedisConnection<K, V> connection) implements AutoCloseable {
    /** A command that takes longer has failed: callers fall back or answer an error rather than hang a request. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

    public RedisLink {
        requireNonNull(client, "client is null");
        requireNonNull(connection, "connection is null");
    }

    /** Connects, or fails without leaving a client behind. */
    public static <K, V> RedisLink<K, V> open(String url, RedisCodec<K, V> codec) {
        requireNonNull(url, "url is null");
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(COMMAND_TIMEOUT);
        RedisClient client = RedisClient.create(uri);
        // While the connection is down (it reconnects by itself), a command fails at once rather than
        // queueing for the whole timeout: every request that touches Redis would otherwise stall for two
        // seconds during an outage, instead of going on without what Redis would have said.
        client.setOptions(ClientOptions.builder().disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        try {
            return new RedisLink<>(client, client.connect(codec));
        }
        catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    /** Builds what works over this link; if that fails, the link is closed and the failure passed on. */
    public <T> T build(Function<RedisLink<K, V>, T> user) {
        try {
            return user.apply(this);
        }
        catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
