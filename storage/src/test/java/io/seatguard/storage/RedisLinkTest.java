package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.codec.StringCodec;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A link to the real Redis on the machine ({@link RedisTestServer}: fails, not skips, when {@code CI=true}
 * and Redis is down), reached through a relay the test pauses as {@code kill -STOP} would pause Redis.
 */
class RedisLinkTest {
    /** Shorter than the real interval, so the test waits less; the server's tests wait out the real one. */
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(300);

    @BeforeAll
    static void requireRedis() {
        RedisTestServer.require();
    }

    /** Review: a refused password or database read "Unable to connect to 127.0.0.1/<unresolved>:6379", as if Redis were down. */
    @Test
    void aPasswordOrDatabaseRedisRefusesIsSaidSoWithoutThePassword() {
        URI redis = URI.create(RedisTestServer.URL);
        String at = redis.getHost() + ":" + (redis.getPort() < 0 ? 6379 : redis.getPort());
        assertThatThrownBy(() -> RedisLink.open("redis://nobody-here:wrongpw@" + at + "/4", StringCodec.UTF8))
                .hasMessage("Redis at " + at + " refused the Redis URL's user name or password (authentication failed)")
                .hasMessageNotContaining("wrongpw");
        assertThatThrownBy(() -> RedisLink.open("redis://" + at + "/99", StringCodec.UTF8))
                .hasMessageStartingWith("Redis at " + at + " has no database 99 (index out of range");
    }

    /**
     * Regression: a link closed by a silent Redis stayed "unreachable" on /readyz and /metrics after Redis
     * came back, until something happened to use that link again (for an attempt-limits link, the next
     * code check, which could be hours away).
     */
    @Test
    void aLinkThatSawRedisFallSilentTakesCommandsAgainOnceRedisAnswersThoughNothingUsesIt() throws InterruptedException {
        try (TcpRelay relay = relayToRedis(); RedisLink<String, String> link = RedisLink.open("redis://127.0.0.1:" + relay.port(), StringCodec.UTF8,
                PROBE_INTERVAL)) {
            assertThat(link.call(() -> link.connection().sync().ping())).isEqualTo("PONG");
            Thread.sleep(PROBE_INTERVAL.multipliedBy(3));
            assertThat(link.probe().sent()).as("no probe while Redis answers").isZero();

            relay.pause();
            assertThatThrownBy(() -> link.call(() -> link.connection().sync().ping())).isInstanceOf(RedisCommandTimeoutException.class);
            assertThat(link.isConnected()).isFalse();
            Thread.sleep(PROBE_INTERVAL.multipliedBy(3));
            assertThat(link.isConnected()).as("a probe Redis does not answer leaves the link down").isFalse();

            relay.resume();

            long resumed = System.nanoTime();
            RedisOutageProbeTest.awaitTrue(link::isConnected, "the link takes commands again");
            assertThat(Duration.ofNanos(System.nanoTime() - resumed)).as("within about one probe interval")
                    .isLessThan(PROBE_INTERVAL.plusSeconds(1));
            RedisOutageProbeTest.awaitTrue(() -> !link.probe().isRunning(), "the probe ended");
            long sent = link.probe().sent();
            Thread.sleep(PROBE_INTERVAL.multipliedBy(3));
            assertThat(link.probe().sent()).as("no probe once Redis answers").isEqualTo(sent);
            assertThat(link.call(() -> link.connection().sync().ping())).isEqualTo("PONG");
        }
    }

    @Test
    void closingALinkWhileRedisIsSilentLeavesNoProbeBehind() {
        try (TcpRelay relay = relayToRedis()) {
            RedisLink<String, String> link = RedisLink.open("redis://127.0.0.1:" + relay.port(), StringCodec.UTF8, PROBE_INTERVAL);
            relay.pause();
            assertThatThrownBy(() -> link.call(() -> link.connection().sync().ping())).isInstanceOf(RedisCommandTimeoutException.class);
            assertThat(link.probe().isRunning()).isTrue();

            link.close();

            assertThat(link.probe().isRunning()).isFalse();
        }
    }

    /**
     * Found in a CI run on a busy machine: a server's start failed with "Unable to connect" because Redis's
     * answer to the connection's handshake took more than the 2 s a command may take. The handshake now
     * has {@link RedisLink#CONNECT_TIMEOUT}, and commands on the connection still their 2 s.
     */
    @Test
    void aHandshakeAnsweredAfterMoreThanACommandsTimeoutStillConnects() throws Exception {
        try (TcpRelay relay = relayToRedis()) {
            relay.pause();
            java.util.concurrent.CompletableFuture<RedisLink<String, String>> opening = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> RedisLink.open("redis://127.0.0.1:" + relay.port(), StringCodec.UTF8));
            Thread.sleep(RedisLink.COMMAND_TIMEOUT.toMillis() + 1_000);
            relay.resume();
            try (RedisLink<String, String> link = opening.get(RedisLink.CONNECT_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                assertThat(link.call(() -> link.connection().sync().ping())).isEqualTo("PONG");
                assertThat(link.connection().getTimeout()).isEqualTo(RedisLink.COMMAND_TIMEOUT);
            }
        }
    }

    @Test
    void aPortNothingListensOnIsSaidSo() {
        try (TcpRelay relay = relayToRedis()) {
            relay.cut();
            assertThatThrownBy(() -> RedisLink.open("redis://127.0.0.1:" + relay.port(), StringCodec.UTF8))
                    .hasMessage("Redis at 127.0.0.1:" + relay.port() + " refused the connection: nothing listens there (is Redis running, on that port?)");
        }
    }

    private static TcpRelay relayToRedis() {
        URI redis = URI.create(RedisTestServer.URL);
        return TcpRelay.to(redis.getHost(), redis.getPort() < 0 ? 6379 : redis.getPort());
    }
}
