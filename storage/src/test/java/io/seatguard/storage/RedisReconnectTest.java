package io.seatguard.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.codec.StringCodec;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Redis back after a restart is reconnected to within {@link RedisLink#MAX_RECONNECT_DELAY} or so,
 * however long it was gone: Lettuce's default schedule doubles the wait up to 30 s, and a Redis gone for
 * 16 s was reconnected to about 15 s after it was back.
 */
class RedisReconnectTest {
    @BeforeAll
    static void requireRedis() {
        RedisTestServer.require();
    }

    @Test
    void aRedisBackAfterSomeSecondsIsReconnectedToWithinTheCappedDelay() throws InterruptedException {
        URI redis = URI.create(RedisTestServer.URL);
        try (TcpRelay relay = TcpRelay.to(redis.getHost(), redis.getPort() < 0 ? 6379 : redis.getPort());
                RedisLink<String, String> link = RedisLink.open("redis://127.0.0.1:" + relay.port(), StringCodec.UTF8)) {
            assertThat(link.connection().sync().ping()).isEqualTo("PONG");
            // Gone (connections reset, the port refusing) long enough for the default schedule's waits to reach 16 s.
            relay.cut();
            RedisOutageProbeTest.awaitTrue(() -> !link.connection().isOpen(), "the link saw Redis go");
            Thread.sleep(16_000);
            relay.restore();
            long back = System.nanoTime();
            long deadline = back + Duration.ofSeconds(20).toNanos();
            while (!link.connection().isOpen() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - back);
            assertThat(link.connection().isOpen()).as("reconnected").isTrue();
            assertThat(took).as("within the capped reconnect delay and a connect").isLessThan(RedisLink.MAX_RECONNECT_DELAY.plusSeconds(2));
            assertThat(link.connection().sync().ping()).isEqualTo("PONG");
        }
    }
}
