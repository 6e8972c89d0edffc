package io.seatguard.storage;

import static java.util.Objects.requireNonNull;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One Lettuce client and its connection to {@code redis://host:port[/db]}, opened and closed together,
 * for each part of Seatguard that shares state through Redis (presence, attempt limits), with the
 * {@link OutageGate} its commands go through ({@link #call}) and the {@link RedisOutageProbe} that opens
 * that gate when Redis answers again, whether or not anything else uses the link meanwhile.
 */
public final class RedisLink<K, V> implements RedisHealth, AutoCloseable {
    /** A command that takes longer has failed: callers fall back or answer an error rather than hang a request. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    /**
     * How long connecting may take, the handshake ({@code HELLO}) included; it also bounds each background
     * reconnect. Longer than a command's: a server starting on a machine busy with other starts (a
     * rolling deploy, a CI run) took more than 2 s for the handshake's answer, and the start failed with
     * Lettuce's "Unable to connect". A Redis that never answers fails the start in this time.
     */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * While Redis does not answer, the link sends it a {@code PING} this often by itself
     * ({@link RedisOutageProbe}), and that alone finds out it answers again: no request waits on a silent
     * Redis to probe it ({@link OutageGate#forRedis}). A PING a second is nothing for Redis, and presence
     * and attempt limits are back within about a second of it, as when a request probed.
     */
    public static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    /**
     * The longest wait between two reconnect attempts while the connection is down. Lettuce's default
     * doubles up to 30 s: a Redis back after a restart of some seconds was reconnected to up to 30 s later,
     * each node on its own schedule, presence and attempt limits going without it meanwhile (found in
     * review). A connect attempt every 2 s is nothing for a Redis that is down.
     */
    public static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(2);

    private final RedisClient client;
    /** The client's own, made for its reconnect schedule, shut down with it. */
    private final ClientResources resources;
    private final StatefulRedisConnection<K, V> connection;
    private final OutageGate outage = OutageGate.forRedis(this::outageBegan);
    private final RedisOutageProbe probe;

    private RedisLink(RedisClient client, ClientResources resources, StatefulRedisConnection<K, V> connection, Duration probeInterval) {
        this.client = requireNonNull(client, "client is null");
        this.resources = requireNonNull(resources, "resources is null");
        this.connection = requireNonNull(connection, "connection is null");
        this.probe = new RedisOutageProbe(outage, () -> connection.sync().ping(), probeInterval);
    }

    private void outageBegan() {
        probe.start();
    }

    public StatefulRedisConnection<K, V> connection() {
        return connection;
    }

    /**
     * Runs commands unless Redis is known to be unreachable ({@link OutageGate}): then it fails at once,
     * as a command does while the link is down, and callers go on without Redis as they do then. Why: a
     * Redis that falls silent without closing anything makes every command wait out its
     * {@link #COMMAND_TIMEOUT}; through the gate only the first does. The link's own {@code PING} every
     * {@link #PROBE_INTERVAL} finds out when it answers again.
     *
     * @throws RuntimeException what the commands threw, or {@code storage-unavailable} while the gate is closed
     */
    public <T> T call(Supplier<T> commands) {
        try (OutageGate.Permit permit = outage.enter()) {
            T result = commands.get();
            outage.answered();
            return result;
        }
        catch (RuntimeException e) {
            outage.failed(e);
            throw e;
        }
    }

    /** The background probe, for tests. */
    RedisOutageProbe probe() {
        return probe;
    }

    @Override
    public boolean isConnected() {
        return connection.isOpen() && !outage.isClosed();
    }

    /** Connects, or fails without leaving a client behind. */
    public static <K, V> RedisLink<K, V> open(String url, RedisCodec<K, V> codec) {
        return open(url, codec, PROBE_INTERVAL);
    }

    /** With another interval between background probes while Redis does not answer, for tests. */
    static <K, V> RedisLink<K, V> open(String url, RedisCodec<K, V> codec, Duration probeInterval) {
        return open(url, codec, probeInterval, List.of());
    }

    /** With listeners told of every command the link sends, for tests that count them. */
    static <K, V> RedisLink<K, V> open(String url, RedisCodec<K, V> codec, Duration probeInterval, List<CommandListener> listeners) {
        requireNonNull(url, "url is null");
        RedisURI uri = RedisURI.create(url);
        // The URI's timeout is the handshake's; commands get theirs from the connection, once it is made.
        uri.setTimeout(CONNECT_TIMEOUT);
        // Reconnect attempts from 100 ms apart, doubling (in ms: 128, 256 …), then every MAX_RECONNECT_DELAY.
        ClientResources resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, uri);
        // While the connection is down (it reconnects by itself), a command fails at once rather than
        // queueing for the whole timeout: every request that touches Redis would otherwise stall for two
        // seconds during an outage, instead of going on without what Redis would have said.
        client.setOptions(ClientOptions.builder().disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        // Before connecting: a connection takes the listeners its client has when it is made.
        listeners.forEach(client::addListener);
        try {
            StatefulRedisConnection<K, V> connection = client.connect(codec);
            connection.setTimeout(COMMAND_TIMEOUT);
            return new RedisLink<>(client, resources, connection, probeInterval);
        }
        catch (RuntimeException e) {
            client.shutdown();
            shutDown(resources);
            throw explained(e, uri);
        }
    }

    /**
     * Lettuce says only "Unable to connect to host:port", whether nothing listened there, Redis did not
     * answer in time, or it answered but refused the URL's password or database; what lies underneath
     * says which. The password is never repeated.
     */
    private static RuntimeException explained(RuntimeException failure, RedisURI uri) {
        String redis = "Redis at " + uri.getHost() + ":" + uri.getPort();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RedisCommandExecutionException refusal && refusal.getMessage() != null) {
                String answer = refusal.getMessage();
                if (answer.startsWith("WRONGPASS") || answer.startsWith("NOAUTH") || answer.contains("invalid password")) {
                    return new RedisConnectionException(redis + " refused the Redis URL's user name or password (authentication failed)", failure);
                }
                if (answer.contains("DB index is out of range")) {
                    return new RedisConnectionException(redis + " has no database " + uri.getDatabase() + " (index out of range; Redis has 16, 0 to 15,"
                            + " unless its databases setting says otherwise)", failure);
                }
            }
            if (cause instanceof RedisCommandTimeoutException) {
                return new RedisConnectionException(redis + " did not finish the connection's handshake within " + CONNECT_TIMEOUT.toSeconds()
                        + " s (a Redis that accepts connections but does not answer, or something else listening on that port)", failure);
            }
            // Netty's connect timeout is a ConnectException too, saying so in its message.
            if (cause instanceof java.net.ConnectException && cause.getMessage() != null && cause.getMessage().startsWith("Connection refused")) {
                return new RedisConnectionException(redis + " refused the connection: nothing listens there (is Redis running, on that port?)", failure);
            }
        }
        return failure;
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
        probe.close();
        connection.close();
        client.shutdown();
        shutDown(resources);
    }

    /** A client given its resources leaves them running: they are ours, closed with it and waited for, as the client's own were. */
    private static void shutDown(ClientResources resources) {
        resources.shutdown(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
