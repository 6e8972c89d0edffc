package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttemptLimitsTest {
    private static final AttemptLimits.Limit PER_ACCOUNT = new AttemptLimits.Limit("account", 3, Duration.ofHours(1));
    private static final AttemptLimits.Limit PER_IP = new AttemptLimits.Limit("ip", 4, Duration.ofMinutes(10));

    @Test
    void oneAddressGuessingAcrossAccountsIsStoppedByItsOwnLimit() {
        AttemptLimits limits = new AttemptLimits();
        for (int account = 0; account < 4; account++) {
            assertThat(limits.tryAcquire(PER_ACCOUNT, "acct-" + account, PER_IP, "203.0.113.9")).isEmpty();
        }
        Optional<Duration> refused = limits.tryAcquire(PER_ACCOUNT, "acct-9", PER_IP, "203.0.113.9");
        assertThat(refused).hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10)));
        // The refused attempt took nothing from the account it named.
        for (int i = 0; i < 3; i++) {
            assertThat(limits.tryAcquire(PER_ACCOUNT, "acct-9", PER_IP, "198.51.100." + i)).isEmpty();
        }
        assertThat(limits.tryAcquire(PER_ACCOUNT, "acct-9", PER_IP, "198.51.100.50")).as("the account's own limit").isPresent();
    }
}
