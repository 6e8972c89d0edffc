package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.storage.RedisTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attempt-limit contract for buckets shared through the real Redis on the machine
 * ({@link RedisTestServer}: fails, not skips, when {@code CI=true} and Redis is down), and what sharing
 * adds: several nodes draw on one budget, and a node whose Redis fails keeps limiting on its own.
 */
class RedisAttemptLimitsTest extends AttemptLimitsContract {
    @BeforeAll
    static void requireRedis() {
        RedisTestServer.require();
    }

    @Override
    AttemptLimits open() {
        return AttemptLimits.shared(RedisAttemptBuckets.connect(RedisTestServer.URL));
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
        RedisAttemptBuckets buckets = RedisAttemptBuckets.connect(RedisTestServer.URL);
        AttemptLimits limits = AttemptLimits.shared(buckets);
        assertThat(acquire(limits, PER_ACCOUNT, run + "/acct", PER_IP, run + "/ip-1")).isEmpty();
        buckets.close();
        // Redis is gone for this node: no exception reaches the page, and the node's own buckets limit.
        for (int i = 0; i < 3; i++) {
            assertThat(acquire(limits, PER_ACCOUNT, run + "/acct", PER_IP, run + "/ip-" + i)).isEmpty();
        }
        assertThat(acquire(limits, PER_ACCOUNT, run + "/acct", PER_IP, run + "/ip-9")).isPresent();
    }
}
