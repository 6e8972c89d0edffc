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

/** The device-limit page counts devices as device_count does: attached, seen in the last 30 days. */
class DeviceLimitCountTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    /** The domain service's collaborators, held in memory: this test is about its counting, not storage. */
    private final List<AccountDevice> devices = List.of(
            device("dev-phone", NOW.minus(Duration.ofMinutes(1))),
            device("dev-laptop", NOW.minus(Duration.ofDays(3))),
            device("dev-old-tv", NOW.minus(Duration.ofDays(40))));

    private static AccountDevice device(String id, Instant lastSeen) {
        return new AccountDevice(id, DeviceType.COMPUTER, LinkStatus.ATTACHED, lastSeen, lastSeen, "Chrome", "Linux", Optional.empty());
    }

    private final ChallengesInMemory store = new ChallengesInMemory();

    private final DeviceLinksInMemory links = new DeviceLinksInMemory(devices);


    private Challenge open(String deviceId) {
        Challenge challenge = new Challenge("ch_limit", "app", "ev_1", ChallengeType.DEVICE_LIMIT,
                new ChallengePlan("pol_1", "access", Optional.of("https://app.example/plans"), Optional.of("https://app.example/bye"),
                        Optional.of("https://app.example/watch"), OptionalInt.of(2), IdentityProof.SERVER),
                ChallengeStatus.PRESENTED, Optional.of("dina"), Optional.empty(), Optional.empty(), deviceId, List.of(), List.of("device_count"),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, NOW.minusSeconds(10), NOW.plus(Duration.ofMinutes(10)), Optional.empty());
        store.put(challenge);
        return challenge;
    }

    private final ChallengeService service = store.service(new CodesSent(), links, NOW);

    @Test
    void aDeviceUnseenForOverThirtyDaysIsListedButNotCounted() {
        Challenge challenge = open("dev-phone");

        assertThat(service.attachedDevices(challenge)).as("listed, so it can be logged out").hasSize(3);
        ChallengeService.Step step = service.continueIfWithinLimit(challenge.id());
        assertThat(step).as("two counted, within the limit of two").isInstanceOf(ChallengeService.Step.Leave.class);
        assertThat(store.get(challenge.id()).status()).isEqualTo(ChallengeStatus.COMPLETED);
    }

    /**
     * The challenged evaluation did not link its device (a login abandoned at the challenge must find it
     * new again), yet device_count counted it: so does the page, and passing links it.
     */
    @Test
    void theDeviceSigningInCountsThoughNotLinkedAndPassingAttachesIt() {
        Challenge challenge = open("dev-new-tablet");
        assertThat(service.attachedDevices(challenge)).extracting(AccountDevice::id).doesNotContain("dev-new-tablet");

        ChallengeService.Step over = service.continueIfWithinLimit(challenge.id());
        assertThat(over).as("phone, laptop and this tablet: three against a limit of two")
                .isInstanceOfSatisfying(ChallengeService.Step.Show.class, show -> assertThat(show.notice()).contains("over_limit"));
        assertThat(links.attached).as("nothing attached while over the limit").isEmpty();

        ChallengeService.Step step = service.logOutDevice(challenge.id(), "dev-laptop");
        assertThat(step).as("phone and this tablet: within the limit").isInstanceOf(ChallengeService.Step.Leave.class);
        assertThat(store.get(challenge.id()).status()).isEqualTo(ChallengeStatus.COMPLETED);
        assertThat(links.attached).containsExactly("dev-new-tablet@ev_1@" + NOW.minusSeconds(10));
        assertThat(service.attachedDevices(challenge)).extracting(AccountDevice::id).containsExactlyInAnyOrder("dev-phone", "dev-old-tv", "dev-new-tablet");
    }

    /**
     * Without an account the page counts no devices and passes on a click: that proves nothing of the
     * device, so it is not let in to the app (a signup's owner verification is).
     */
    @Test
    void aDeviceLimitPassedWithoutAnAccountLetsNothingIn() {
        Challenge signup = new Challenge("ch_signup_limit", "app", "ev_2", ChallengeType.DEVICE_LIMIT,
                new ChallengePlan("pol_1", "signup", Optional.of("https://app.example/plans"), Optional.of("https://app.example/bye"),
                        Optional.empty(), OptionalInt.of(2), IdentityProof.SERVER),
                ChallengeStatus.PRESENTED, Optional.empty(), Optional.of("new@example.com"), Optional.empty(), "dev-signing-up", List.of(),
                List.of("device_count"), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, NOW.minusSeconds(10), NOW.plus(Duration.ofMinutes(10)),
                Optional.empty());
        store.put(signup);

        assertThat(service.continueIfWithinLimit(signup.id())).isInstanceOf(ChallengeService.Step.Leave.class);
        assertThat(store.get(signup.id()).status()).isEqualTo(ChallengeStatus.COMPLETED);
        assertThat(links.letIn).isEmpty();
        assertThat(links.attached).isEmpty();
    }

    /** The unknown device is no device: device_count did not count it, and passing attaches nothing. */
    @Test
    void theUnknownDeviceIsNeitherCountedNorAttached() {
        Challenge challenge = open(io.seatguard.core.identity.DeviceResolution.UNKNOWN_DEVICE_ID);

        assertThat(service.continueIfWithinLimit(challenge.id())).isInstanceOf(ChallengeService.Step.Leave.class);
        assertThat(links.attached).isEmpty();
    }
}
