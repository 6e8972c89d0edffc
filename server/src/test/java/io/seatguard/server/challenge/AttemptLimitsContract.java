package io.seatguard.server.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What attempt limits promise, wherever their buckets live. */
abstract class AttemptLimitsContract {
    static final AttemptLimits.Limit PER_ACCOUNT = new AttemptLimits.Limit("account", 3, Duration.ofHours(1));
    static final AttemptLimits.Limit PER_IP = new AttemptLimits.Limit("ip", 4, Duration.ofMinutes(10));
    static final AttemptLimits.Limit PER_RECIPIENT = new AttemptLimits.Limit("recipient", 2, Duration.ofHours(1));

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

    /** Takes a token from both limits' buckets: empty when allowed, else how long to wait. */
    static Optional<Duration> acquire(AttemptLimits limits, AttemptLimits.Limit first, String firstKey, AttemptLimits.Limit second, String secondKey) {
        return switch (limits.tryAcquire(List.of(new AttemptLimits.Claim(first, firstKey), new AttemptLimits.Claim(second, secondKey)))) {
            case AttemptLimits.Decision.Allowed allowed -> Optional.empty();
            case AttemptLimits.Decision.Refused refused -> Optional.of(refused.retryAfter());
        };
    }

    private AttemptLimits.Permit permit(List<AttemptLimits.Claim> claims) {
        AttemptLimits.Decision decision = limits().tryAcquire(claims);
        assertThat(decision).isInstanceOf(AttemptLimits.Decision.Allowed.class);
        return ((AttemptLimits.Decision.Allowed) decision).permit();
    }

    /** Review finding F: a send that did not go out still spent the limits, locking the owner out after an outage. */
    @Test
    void aPermitGivenBackReturnsEveryTokenItTookOnce() {
        List<AttemptLimits.Claim> claims = List.of(new AttemptLimits.Claim(PER_ACCOUNT, run + "/acct"), new AttemptLimits.Claim(PER_RECIPIENT, run + "/to"),
                new AttemptLimits.Claim(PER_IP, run + "/ip"));
        permit(claims);
        AttemptLimits.Permit failed = permit(claims);
        failed.giveBack();
        failed.giveBack();
        // The recipient's limit, the smallest, allows two: one is spent, the other is there again.
        permit(claims);
        assertThat(limits().tryAcquire(claims)).as("given back once, not twice").isInstanceOf(AttemptLimits.Decision.Refused.class);
    }

    /** An erased account's buckets are dropped: its next attempt starts with full limits, another key's stay spent. */
    @Test
    void forgottenBucketsStartFullAgain() {
        for (int i = 0; i < 2; i++) {
            permit(List.of(new AttemptLimits.Claim(PER_RECIPIENT, run + "/erased"), new AttemptLimits.Claim(PER_ACCOUNT, run + "/kept")));
        }
        List<AttemptLimits.Claim> erased = List.of(new AttemptLimits.Claim(PER_RECIPIENT, run + "/erased"));
        assertThat(limits().tryAcquire(erased)).as("spent").isInstanceOf(AttemptLimits.Decision.Refused.class);

        limits().forget(erased);

        permit(erased);
        permit(erased);
        permit(List.of(new AttemptLimits.Claim(PER_ACCOUNT, run + "/kept")));
        assertThat(limits().tryAcquire(List.of(new AttemptLimits.Claim(PER_ACCOUNT, run + "/kept")))).as("a bucket not forgotten keeps its count")
                .isInstanceOf(AttemptLimits.Decision.Refused.class);
    }

    @Test
    void aClaimRefusedTakesNothingFromTheClaimsBeforeIt() {
        for (int i = 0; i < 2; i++) {
            permit(List.of(new AttemptLimits.Claim(PER_RECIPIENT, run + "/to")));
        }
        List<AttemptLimits.Claim> claims = List.of(new AttemptLimits.Claim(PER_ACCOUNT, run + "/acct"), new AttemptLimits.Claim(PER_IP, run + "/ip"),
                new AttemptLimits.Claim(PER_RECIPIENT, run + "/to"));
        assertThat(limits().tryAcquire(claims)).as("the recipient's limit is spent").isInstanceOf(AttemptLimits.Decision.Refused.class);
        for (int i = 0; i < 3; i++) {
            permit(List.of(new AttemptLimits.Claim(PER_ACCOUNT, run + "/acct")));
        }
        for (int i = 0; i < 4; i++) {
            permit(List.of(new AttemptLimits.Claim(PER_IP, run + "/ip")));
        }
    }

    /**
     * Review finding G: the docs said "at most 20 an hour" of a bucket that starts full and refills 20 an
     * hour. What docs/challenges.md now says, on every store: an emptied bucket gives one token back every
     * period / capacity, not a whole bucket once a period.
     */
    @Test
    void anEmptiedBucketGivesOneTokenBackEveryPeriodOverCapacity() {
        List<AttemptLimits.Claim> claims = List.of(new AttemptLimits.Claim(PER_ACCOUNT, run + "/steady"));
        for (int i = 0; i < PER_ACCOUNT.capacity(); i++) {
            permit(claims);
        }
        Duration oneToken = PER_ACCOUNT.period().dividedBy(PER_ACCOUNT.capacity());
        assertThat(limits().tryAcquire(claims)).isInstanceOfSatisfying(AttemptLimits.Decision.Refused.class,
                refused -> assertThat(refused.retryAfter()).isLessThanOrEqualTo(oneToken).isGreaterThan(oneToken.minusMinutes(1)));
    }

    @Test
    void oneAddressGuessingAcrossAccountsIsStoppedByItsOwnLimit() {
        String ip = run + "/203.0.113.9";
        for (int account = 0; account < 4; account++) {
            assertThat(acquire(limits(), PER_ACCOUNT, run + "/acct-" + account, PER_IP, ip)).isEmpty();
        }
        Optional<Duration> refused = acquire(limits(), PER_ACCOUNT, run + "/acct-9", PER_IP, ip);
        assertThat(refused).hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10)));
        // The refused attempt took nothing from the account it named.
        for (int i = 0; i < 3; i++) {
            assertThat(acquire(limits(), PER_ACCOUNT, run + "/acct-9", PER_IP, run + "/198.51.100." + i)).isEmpty();
        }
        assertThat(acquire(limits(), PER_ACCOUNT, run + "/acct-9", PER_IP, run + "/198.51.100.50")).as("the account's own limit").isPresent();
    }

    @Test
    void limitsOfDifferentNamesAndKeysAreSeparate() {
        for (int i = 0; i < 3; i++) {
            assertThat(acquire(limits(), PER_ACCOUNT, run + "/acct-a", PER_IP, run + "/ip-" + i)).isEmpty();
        }
        assertThat(acquire(limits(), PER_ACCOUNT, run + "/acct-a", PER_IP, run + "/ip-x")).isPresent();
        AttemptLimits.Limit otherName = new AttemptLimits.Limit("account-sends", 3, Duration.ofHours(1));
        assertThat(acquire(limits(), otherName, run + "/acct-a", PER_IP, run + "/ip-y")).as("same key, another limit").isEmpty();
        assertThat(acquire(limits(), PER_ACCOUNT, run + "/acct-b", PER_IP, run + "/ip-z")).as("another account").isEmpty();
    }
}
