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

    /** Review finding: one client trying a new email each time met no count; past its ceiling of any emails it waits, from here. */
    @Test
    void theClientsCeilingOfAnyEmailsMakesItWaitUntilItsOldestFailureLeavesTheWindow() {
        assertThat(SignInLockout.waitAfter(ofAnyEmails(SignInLockout.CLIENT_CEILING - 1, NOW.minusSeconds(900)), NOW)).isZero();
        OperatorStore.Failures ceiling = ofAnyEmails(SignInLockout.CLIENT_CEILING, NOW.minusSeconds(900));
        assertThat(SignInLockout.waitAfter(ceiling, NOW)).isEqualTo(SignInLockout.WINDOW.minusSeconds(900));
        assertThat(SignInLockout.waitsForEmail(ceiling, NOW)).as("this client's wait, not the email's").isFalse();
        assertThat(SignInLockout.waitAfter(ceiling, NOW.plusSeconds(2700))).as("once the oldest has left the hour").isZero();
    }

    private static OperatorStore.Failures failures(int fromClient, int forEmail, Instant latestFromClient, Instant oldestForEmail) {
        return new OperatorStore.Failures(fromClient, forEmail, Optional.ofNullable(latestFromClient), Optional.ofNullable(oldestForEmail), fromClient,
                Optional.ofNullable(latestFromClient));
    }

    /** None of this email; {@code count} of other emails from this client, the oldest at {@code oldest}. */
    private static OperatorStore.Failures ofAnyEmails(int count, Instant oldest) {
        return new OperatorStore.Failures(0, 0, Optional.empty(), Optional.empty(), count, Optional.of(oldest));
    }
}
