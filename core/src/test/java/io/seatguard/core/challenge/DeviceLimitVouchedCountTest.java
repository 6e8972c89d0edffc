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

/**
 * Review finding: devices let in by unsigned calls (anyone holding the client id can make them) raised the
 * owner's {@code device_count}, and a vouched evaluation was sent to the device-limit page by them. A page a
 * vouched evaluation opened counts as its {@code device_count} did, the vouched links alone, so the page and
 * the policy agree; it still lists every attached device, so the owner can log the intruders out too.
 */
class DeviceLimitVouchedCountTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final DeviceLinksInMemory links = new DeviceLinksInMemory(List.of(
            device("dev-owner-laptop", true), device("dev-owner-tablet", true),
            device("dev-intruder-1", false), device("dev-intruder-2", false), device("dev-intruder-3", false)));
    private final ChallengesInMemory store = new ChallengesInMemory();
    private final ChallengeService service = store.service(new CodesSent(), links, NOW);

    private static AccountDevice device(String id, boolean vouched) {
        return new AccountDevice(id, DeviceType.COMPUTER, LinkStatus.ATTACHED, NOW.minus(Duration.ofDays(1)), NOW.minusSeconds(60), "Chrome", "Linux",
                Optional.empty(), vouched);
    }

    /** The owner's phone at a page with a limit of {@code limit}, opened by an evaluation with this identity. */
    private Challenge open(IdentityProof identity, int limit) {
        Challenge challenge = new Challenge("ch_" + identity.wireName(), "app", "ev_1", ChallengeType.DEVICE_LIMIT,
                new ChallengePlan("pol_1", "login", Optional.empty(), Optional.empty(), Optional.of("https://app.example/watch"), OptionalInt.of(limit),
                        identity),
                ChallengeStatus.PRESENTED, Optional.of("owner"), Optional.empty(), Optional.empty(), "dev-owner-phone", List.of(), List.of("device_count"),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, NOW.minusSeconds(10), NOW.plus(Duration.ofMinutes(10)), Optional.empty());
        store.put(challenge);
        return challenge;
    }

    @Test
    void aVouchedPageListsEveryDeviceButCountsOnlyVouchedOnes() {
        Challenge challenge = open(IdentityProof.SERVER, 2);
        assertThat(service.attachedDevices(challenge)).extracting(AccountDevice::id).as("the intruders are listed, to be logged out")
                .contains("dev-intruder-1", "dev-intruder-2", "dev-intruder-3");
        assertThat(service.attachedDevices(challenge)).filteredOn(device -> ChallengeService.countsTowardsLimit(challenge, device))
                .extracting(AccountDevice::id).containsExactlyInAnyOrder("dev-owner-laptop", "dev-owner-tablet");
        assertThat(service.withinDeviceLimit(challenge)).as("two vouched and the phone: over two").isFalse();

        ChallengeService.Step intruderOut = service.logOutDevice(challenge.id(), "dev-intruder-1");
        assertThat(links.detached).as("an intruder may be logged out while the account is over").containsExactly("dev-intruder-1");
        assertThat(intruderOut).as("which does not bring the count down").isInstanceOfSatisfying(ChallengeService.Step.Show.class,
                show -> assertThat(show.notice()).contains("device_logged_out"));

        ChallengeService.Step tabletOut = service.logOutDevice(challenge.id(), "dev-owner-tablet");
        assertThat(tabletOut).as("the laptop and the phone: within two, though two intruders are still attached")
                .isInstanceOf(ChallengeService.Step.Leave.class);
        assertThat(links.vouchedAttaches).containsExactly("dev-owner-phone");
    }

    @Test
    void aVouchedPageHasRoomWhenOnlyUnsignedCallsFillTheAccount() {
        Challenge challenge = open(IdentityProof.SIGNED, 3);
        assertThat(service.withinDeviceLimit(challenge)).as("two vouched and the phone fit three").isTrue();
        assertThat(service.continueIfWithinLimit(challenge.id())).isInstanceOf(ChallengeService.Step.Leave.class);
        assertThat(links.detached).as("nothing logged out to get there").isEmpty();
    }

    @Test
    void anUnsignedPageCountsEveryAttachedDevice() {
        Challenge challenge = open(IdentityProof.UNSIGNED, 3);
        assertThat(service.withinDeviceLimit(challenge)).as("five attached and the phone").isFalse();
        assertThat(service.continueIfWithinLimit(challenge.id())).isInstanceOfSatisfying(ChallengeService.Step.Show.class,
                show -> assertThat(show.notice()).contains("over_limit"));
    }
}
