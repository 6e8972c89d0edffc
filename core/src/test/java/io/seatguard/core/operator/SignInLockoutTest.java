package io.seatguard.core.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInLockoutTest {
    @Test
    void fiveFreeTriesThenAWaitThatDoublesUpToAnHour() {
        for (int failures = 0; failures < SignInLockout.FREE_TRIES; failures++) {
            assertThat(SignInLockout.waitAfter(failures)).isZero();
        }
        assertThat(SignInLockout.waitAfter(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SignInLockout.waitAfter(6)).isEqualTo(Duration.ofMinutes(2));
        assertThat(SignInLockout.waitAfter(8)).isEqualTo(Duration.ofMinutes(8));
        assertThat(SignInLockout.waitAfter(11)).isEqualTo(Duration.ofHours(1));
        assertThat(SignInLockout.waitAfter(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theEmailsCeilingMakesItWaitTheWindowUnlessTheClientWaitsAlready() {
        assertThat(SignInLockout.waitAfter(new OperatorStore.Failures(4, SignInLockout.EMAIL_CEILING - 1))).isZero();
        assertThat(SignInLockout.waitAfter(new OperatorStore.Failures(0, SignInLockout.EMAIL_CEILING))).isEqualTo(SignInLockout.WINDOW);
        assertThat(SignInLockout.waitAfter(new OperatorStore.Failures(5, SignInLockout.EMAIL_CEILING))).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aClientIsAnIpv4AddressOrAnIpv6Slash64() throws Exception {
        assertThat(SignInLockout.clientKey(InetAddress.getByName("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(SignInLockout.clientKey(InetAddress.getByName("2001:db8:1:2:3:4:5:6"))).isEqualTo("2001:db8:1:2::/64");
        assertThat(SignInLockout.clientKey(InetAddress.getByName("2001:db8:1:2::ffff"))).isEqualTo("2001:db8:1:2::/64");
    }
}
