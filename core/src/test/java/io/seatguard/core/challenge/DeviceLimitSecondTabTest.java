package io.seatguard.core.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.account.AccountDevice;
import io.seatguard.core.account.DeviceLinks;
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
 * Found in review: two tabs of one device-limit page (limit two: two of the owner's devices and the one
 * signing in) each logged out a different device, and both logouts landed, though one was enough. Here
 * the first tab's whole post runs while the second has read the page but not yet logged out: the second
 * logs nothing out and goes on where the first tab's pass led, as a later post does. The store suite and
 * the HTTP test race them for real.
 */
class DeviceLimitSecondTabTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final ChallengesInMemory store = new ChallengesInMemory();
    private final DeviceLinksInMemory links = new DeviceLinksInMemory(List.of(device("dev-laptop"), device("dev-tablet")));
    /** The second tab's step, run by {@link #steppingIn} as the first tab reads the account's devices. */
    private Runnable otherTab = () -> {};
    private final ChallengeService service = store.service(new CodesSent(), steppingIn(links), NOW);

    private static AccountDevice device(String id) {
        Instant seen = NOW.minus(Duration.ofHours(1));
        return new AccountDevice(id, DeviceType.COMPUTER, LinkStatus.ATTACHED, seen, seen, "Chrome", "Linux", Optional.empty());
    }

    /** The links, with the other tab's step run once just before the next listing of the account's devices. */
    private DeviceLinks steppingIn(DeviceLinksInMemory links) {
        return new DeviceLinks() {
            @Override
            public Optional<List<AccountDevice>> devices(String appId, String userId) {
                Runnable step = otherTab;
                otherTab = () -> {};
                step.run();
                return links.devices(appId, userId);
            }

            @Override
            public boolean detach(String appId, String userId, String deviceId, Instant at) {
                return links.detach(appId, userId, deviceId, at);
            }

            @Override
            public boolean refuse(String appId, String userId, String deviceId, Instant seenAt, Instant at) {
                return links.refuse(appId, userId, deviceId, seenAt, at);
            }

            @Override
            public boolean attach(String appId, String userId, String deviceId, String evaluationId, Instant seenAt, Instant now, boolean vouched) {
                return links.attach(appId, userId, deviceId, evaluationId, seenAt, now, vouched);
            }

            @Override
            public boolean attachWithinLimit(String appId, String userId, String deviceId, String evaluationId, Instant seenAt, Instant now, int limit,
                    Instant windowStart, boolean vouched) {
                return links.attachWithinLimit(appId, userId, deviceId, evaluationId, seenAt, now, limit, windowStart, vouched);
            }

            @Override
            public boolean detachOverLimit(String appId, String userId, String deviceId, Optional<String> arriving, Instant at, int limit,
                    Instant windowStart, boolean vouchedOnly) {
                return links.detachOverLimit(appId, userId, deviceId, arriving, at, limit, windowStart, vouchedOnly);
            }

            @Override
            public void letIn(String appId, String deviceId, Instant seenAt) {
                links.letIn(appId, deviceId, seenAt);
            }
        };
    }

    private Challenge open() {
        Challenge challenge = new Challenge("ch_tabs", "app", "ev_1", ChallengeType.DEVICE_LIMIT,
                new ChallengePlan("pol_1", "access", Optional.of("https://app.example/plans"), Optional.of("https://app.example/bye"),
                        Optional.of("https://app.example/watch"), OptionalInt.of(2), IdentityProof.SERVER),
                ChallengeStatus.PRESENTED, Optional.of("dina"), Optional.empty(), Optional.empty(), "dev-phone", List.of(), List.of("device_count"),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, NOW.minusSeconds(10), NOW.plus(Duration.ofMinutes(10)), Optional.empty());
        store.put(challenge);
        return challenge;
    }

    @Test
    void aSecondTabsLogoutAfterTheFirstBroughtTheAccountWithinItsLimitLogsNothingOut() {
        Challenge challenge = open();
        ChallengeService.Step[] first = new ChallengeService.Step[1];
        otherTab = () -> first[0] = service.logOutDevice(challenge.id(), "dev-laptop");

        ChallengeService.Step second = service.logOutDevice(challenge.id(), "dev-tablet");

        assertThat(first[0]).as("the first tab's logout was enough, and goes on").isInstanceOf(ChallengeService.Step.Leave.class);
        // Led on where the first tab's pass led, as a post after the first is answered: the challenge passed,
        // and a page that said only "already complete" left the person with no way on.
        assertThat(second).as("as a post after the first is answered")
                .isInstanceOfSatisfying(ChallengeService.Step.Leave.class, leave -> assertThat(leave.url()).isEqualTo("https://app.example/watch"));
        assertThat(links.detached).containsExactly("dev-laptop");
        assertThat(store.get(challenge.id()).status()).isEqualTo(ChallengeStatus.COMPLETED);
    }
}
