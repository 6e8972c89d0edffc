package io.seatguard.core.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInLockoutTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void fiveFreeTriesThenABackOffThatDoublesUpToAnHour() {
        for (int failures = 0; failures < SignInLockout.FREE_TRIES; failures++) {
            assertThat(SignInLockout.backOff(failures)).isZero();
        }
        assertThat(SignInLockout.backOff(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SignInLockout.backOff(6)).isEqualTo(Duration.ofMinutes(2));
        assertThat(SignInLockout.backOff(8)).isEqualTo(Duration.ofMinutes(8));
        assertThat(SignInLockout.backOff(11)).isEqualTo(Duration.ofHours(1));
        assertThat(SignInLockout.backOff(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theBackOffRunsFromTheClientsLatestFailureAndEnds() {
        OperatorStore.Failures five = failures(5, 5, NOW.minusSeconds(20), NOW.minusSeconds(300));
        assertThat(SignInLockout.waitAfter(five, NOW)).isEqualTo(Duration.ofSeconds(40));
        assertThat(SignInLockout.waitAfter(five, NOW.plusSeconds(40))).as("a minute after the latest failure").isZero();
        OperatorStore.Failures six = failures(6, 6, NOW, NOW.minusSeconds(300));
        assertThat(SignInLockout.waitAfter(six, NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(SignInLockout.waitAfter(failures(4, 4, NOW, NOW), NOW)).isZero();
    }

    @Test
    void theEmailsCeilingMakesItWaitUntilItsOldestFailureLeavesTheWindow() {
        assertThat(SignInLockout.waitAfter(failures(4, SignInLockout.EMAIL_CEILING - 1, NOW, NOW.minusSeconds(600)), NOW)).isZero();
        OperatorStore.Failures ceiling = failures(0, SignInLockout.EMAIL_CEILING, null, NOW.minusSeconds(600));
        assertThat(SignInLockout.waitAfter(ceiling, NOW)).isEqualTo(SignInLockout.WINDOW.minusSeconds(600));
        assertThat(SignInLockout.waitsForEmail(ceiling, NOW)).isTrue();
        OperatorStore.Failures both = failures(11, SignInLockout.EMAIL_CEILING, NOW, NOW.minusSeconds(600));
        assertThat(SignInLockout.waitAfter(both, NOW)).as("the longer of the two").isEqualTo(Duration.ofHours(1));
        assertThat(SignInLockout.waitsForEmail(both, NOW)).isFalse();
    }

    private static OperatorStore.Failures failures(int fromClient, int forEmail, Instant latestFromClient, Instant oldestForEmail) {
        return new OperatorStore.Failures(fromClient, forEmail, Optional.ofNullable(latestFromClient), Optional.ofNullable(oldestForEmail));
    }
}
