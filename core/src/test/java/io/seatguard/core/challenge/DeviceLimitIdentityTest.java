package io.seatguard.core.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.account.AccountDevice;
import io.seatguard.core.account.LinkStatus;
import io.seatguard.core.evaluation.IdentityProof;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.policy.ChallengeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Review finding (signed identity): a browser names the account of an evaluation with the public client
 * id alone, so a device-limit page opened that way must not log out the account's devices; one whose
 * account the app's backend named, or vouched for with its signature, may.
 */
class DeviceLimitIdentityTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final List<AccountDevice> devices = List.of(device("dev-victim-laptop"), device("dev-victim-phone"), device("dev-here"));

    private static AccountDevice device(String id) {
        return new AccountDevice(id, DeviceType.COMPUTER, LinkStatus.ATTACHED, NOW.minus(Duration.ofDays(1)), NOW.minusSeconds(60), "Chrome", "Linux",
                Optional.empty());
    }

    private final ChallengesInMemory store = new ChallengesInMemory();

    private final DeviceLinksInMemory links = new DeviceLinksInMemory(devices);
    private final List<String> detached = links.detached;


    private final ChallengeService service = store.service(new CodesSent(), links, NOW);

    private Challenge open(IdentityProof identity) {
        Challenge challenge = new Challenge("ch_" + identity.wireName(), "app", "ev_1", ChallengeType.DEVICE_LIMIT,
                new ChallengePlan("pol_1", "access", Optional.empty(), Optional.empty(), Optional.of("https://app.example/watch"), OptionalInt.of(2), identity),
                ChallengeStatus.PRESENTED, Optional.of("victim"), Optional.empty(), Optional.empty(), "dev-here", List.of(), List.of("device_count"),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, NOW.minusSeconds(10), NOW.plus(Duration.ofMinutes(10)), Optional.empty());
        store.put(challenge);
        return challenge;
    }

    @Test
    void anUnsignedIdentityLogsNoDeviceOut() {
        Challenge challenge = open(IdentityProof.UNSIGNED);
        assertThat(ChallengeService.managesDevices(challenge)).isFalse();
        ChallengeService.Step step = service.logOutDevice(challenge.id(), "dev-victim-laptop");
        assertThat(step).isInstanceOfSatisfying(ChallengeService.Step.Show.class,
                show -> assertThat(show.notice()).contains(ChallengeService.UNSIGNED_IDENTITY));
        assertThat(detached).as("the victim's devices stay").isEmpty();
        assertThat(store.get(challenge.id()).status()).isEqualTo(ChallengeStatus.PRESENTED);
    }

    @ParameterizedTest
    @EnumSource(value = IdentityProof.class, names = {"SERVER", "SIGNED"})
    void aVouchedForIdentityLogsDevicesOutUntilTheAccountFits(IdentityProof identity) {
        Challenge challenge = open(identity);
        assertThat(ChallengeService.managesDevices(challenge)).isTrue();
        ChallengeService.Step step = service.logOutDevice(challenge.id(), "dev-victim-laptop");
        assertThat(detached).containsExactly("dev-victim-laptop");
        assertThat(step).as("within its limit of two: goes on").isInstanceOf(ChallengeService.Step.Leave.class);
    }
}
