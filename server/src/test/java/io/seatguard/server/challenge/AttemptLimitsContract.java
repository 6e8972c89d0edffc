package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What attempt limits promise, wherever their buckets live. */
abstract class AttemptLimitsContract {
    static final AttemptLimits.Limit PER_ACCOUNT = new AttemptLimits.Limit("account", 3, Duration.ofHours(1));
    static final AttemptLimits.Limit PER_IP = new AttemptLimits.Limit("ip", 4, Duration.ofMinutes(10));

    /** Keys unique to this run: a shared store may hold buckets of earlier runs. */
    final String run = UUID.randomUUID().toString();
    private AttemptLimits limits;

    /** Limits as one node keeps them; each call may be another node of the same deployment. */
    abstract AttemptLimits open();

    @AfterEach
    void close() {
        if (limits != null) {
            limits.close();
        }
    }

    AttemptLimits limits() {
        if (limits == null) {
            limits = open();
        }
        return limits;
    }

    @Test
    void oneAddressGuessingAcrossAccountsIsStoppedByItsOwnLimit() {
        String ip = run + "/203.0.113.9";
        for (int account = 0; account < 4; account++) {
            assertThat(limits().tryAcquire(PER_ACCOUNT, run + "/acct-" + account, PER_IP, ip)).isEmpty();
        }
        Optional<Duration> refused = limits().tryAcquire(PER_ACCOUNT, run + "/acct-9", PER_IP, ip);
        assertThat(refused).hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10)));
        // The refused attempt took nothing from the account it named.
        for (int i = 0; i < 3; i++) {
            assertThat(limits().tryAcquire(PER_ACCOUNT, run + "/acct-9", PER_IP, run + "/198.51.100." + i)).isEmpty();
        }
        assertThat(limits().tryAcquire(PER_ACCOUNT, run + "/acct-9", PER_IP, run + "/198.51.100.50")).as("the account's own limit").isPresent();
    }

    @Test
    void limitsOfDifferentNamesAndKeysAreSeparate() {
        for (int i = 0; i < 3; i++) {
            assertThat(limits().tryAcquire(PER_ACCOUNT, run + "/acct-a", PER_IP, run + "/ip-" + i)).isEmpty();
        }
        assertThat(limits().tryAcquire(PER_ACCOUNT, run + "/acct-a", PER_IP, run + "/ip-x")).isPresent();
        AttemptLimits.Limit otherName = new AttemptLimits.Limit("account-sends", 3, Duration.ofHours(1));
        assertThat(limits().tryAcquire(otherName, run + "/acct-a", PER_IP, run + "/ip-y")).as("same key, another limit").isEmpty();
        assertThat(limits().tryAcquire(PER_ACCOUNT, run + "/acct-b", PER_IP, run + "/ip-z")).as("another account").isEmpty();
    }
}
