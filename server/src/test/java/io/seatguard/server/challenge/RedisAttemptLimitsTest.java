package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.storage.RedisTestServer;
import io.seatguard.storage.TcpRelay;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attempt-limit contract for buckets shared through the real Redis on the machine
 * ({@link RedisTestServer}: fails, not skips, when {@code CI=true} and Redis is down), and what sharing
 * adds: several nodes draw on one budget, and a node whose Redis fails keeps limiting on its own.
 */
class RedisAttemptLimitsTest extends AttemptLimitsContract {
    private static final byte[] KEY = "attempt-limit-names-test-key-0123".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @BeforeAll
    static void requireRedis() {
        RedisTestServer.require();
    }

    @Override
    AttemptLimits open() {
        return AttemptLimits.shared(RedisAttemptBuckets.connect(RedisTestServer.URL, KEY));
    }

    /** Redis holds buckets under the HMAC of what they count: no key names the email address or phone number. */
    @Test
    void noKeyNamesTheAddressItCounts() {
        String address = run + "-person@example.com";
        assertThat(acquire(limits(), PER_RECIPIENT, "app_a|email:" + address, PER_ACCOUNT, "app_a|phone:+336" + run.hashCode())).isEmpty();
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(RedisTestServer.URL);
        try (var connection = client.connect()) {
            java.util.List<String> keys = connection.sync().keys("seatguard:attempts:*");
            assertThat(keys).as("the buckets are there").anyMatch(key -> key.startsWith("seatguard:attempts:recipient:"));
            assertThat(keys).noneMatch(key -> key.contains(address) || key.contains("+336" + run.hashCode()));
        }
        finally {
            client.shutdown();
        }
    }

    @Test
    void twoNodesDrawOnOneBudget() {
        try (AttemptLimits nodeA = open(); AttemptLimits nodeB = open()) {
            assertThat(acquire(nodeA, PER_ACCOUNT, run + "/acct", PER_IP, run + "/ip-1")).isEmpty();
            assertThat(acquire(nodeB, PER_ACCOUNT, run + "/acct", PER_IP, run + "/ip-2")).isEmpty();
            assertThat(acquire(nodeA, PER_ACCOUNT, run + "/acct", PER_IP, run + "/ip-3")).isEmpty();
            // The account's three checks are spent, whichever node took them: per node, each would allow three.
            assertThat(acquire(nodeB, PER_ACCOUNT, run + "/acct", PER_IP, run + "/ip-4")).isPresent();
            assertThat(acquire(nodeA, PER_ACCOUNT, run + "/acct", PER_IP, run + "/ip-5")).isPresent();
        }
    }

    @Test
    void aNodeWhoseRedisFailsLimitsOnItsOwn() {
        RedisAttemptBuckets buckets = RedisAttemptBuckets.connect(RedisTestServer.URL, KEY);
        AttemptLimits limits = AttemptLimits.shared(buckets);
        assertThat(acquire(limits, PER_ACCOUNT, run + "/acct", PER_IP, run + "/ip-1")).isEmpty();
        buckets.close();
        // Redis is gone for this node: no exception reaches the page, and the node's own buckets limit.
        for (int i = 0; i < 3; i++) {
            assertThat(acquire(limits, PER_ACCOUNT, run + "/acct", PER_IP, run + "/ip-" + i)).isEmpty();
        }
        assertThat(acquire(limits, PER_ACCOUNT, run + "/acct", PER_IP, run + "/ip-9")).isPresent();
    }

    /**
     * A Redis that stops answering without closing anything: the first check waits out the command
     * timeout, the checks after it go to this node's own buckets at once instead of each waiting as long,
     * and once Redis answers again the budget is the shared one again.
     */
    @Test
    void whileRedisIsSilentOnlyTheFirstCheckWaitsAndTheSharedBudgetComesBack() {
        URI redis = URI.create(RedisTestServer.URL);
        try (TcpRelay relay = TcpRelay.to(redis.getHost(), redis.getPort() < 0 ? 6379 : redis.getPort());
                AttemptLimits limits = AttemptLimits.shared(RedisAttemptBuckets.connect("redis://127.0.0.1:" + relay.port(), KEY));
                AttemptLimits other = open()) {
            assertThat(acquire(limits, PER_ACCOUNT, run + "/acct", PER_IP, run + "/ip-0")).isEmpty();

            relay.silence();

            long started = System.nanoTime();
            assertThat(acquire(limits, PER_ACCOUNT, run + "/silent", PER_IP, run + "/ip-1")).as("limited on its own").isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("one command timeout").isLessThan(Duration.ofMillis(3_500));
            started = System.nanoTime();
            for (int i = 2; i < 4; i++) {
                assertThat(acquire(limits, PER_ACCOUNT, run + "/silent", PER_IP, run + "/ip-" + i)).isEmpty();
            }
            assertThat(acquire(limits, PER_ACCOUNT, run + "/silent", PER_IP, run + "/ip-9")).as("this node's own buckets limit").isPresent();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the checks after it do not wait for Redis").isLessThan(Duration.ofMillis(900));

            relay.restore();

            // The other node takes the account's last two shared tokens; once Redis answers again (one probe a
            // second), this node sees them spent.
            assertThat(acquire(other, PER_ACCOUNT, run + "/acct", PER_IP, run + "/ip-a")).isEmpty();
            assertThat(acquire(other, PER_ACCOUNT, run + "/acct", PER_IP, run + "/ip-b")).isEmpty();
            boolean sharedAgain = false;
            for (long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos(); !sharedAgain && System.nanoTime() < deadline; ) {
                sharedAgain = acquire(limits, PER_ACCOUNT, run + "/acct", PER_IP, run + "/ip-c").isPresent();
                sleep(Duration.ofMillis(200));
            }
            assertThat(sharedAgain).as("the shared budget, spent by the other node, counts again").isTrue();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
