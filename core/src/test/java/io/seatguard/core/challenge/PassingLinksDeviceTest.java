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
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * A challenged login does not make its device known to the account (seed 003: a login abandoned at its
 * challenge must be challenged again); passing the owner verification is what attaches it, and only that.
 */
class PassingLinksDeviceTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final ChallengesInMemory store = new ChallengesInMemory();
    private final DeviceLinksInMemory links = new DeviceLinksInMemory(List.of());
    private final CodesSent codes = new CodesSent("email");
    private final List<CodeMessage> sent = codes.messages;
    private final ChallengeService service = store.service(codes, links, NOW);

    private Challenge open(Optional<String> user) {
        return open(user, IdentityProof.UNSIGNED);
    }

    private Challenge open(Optional<String> user, IdentityProof identity) {
        Challenge challenge = new Challenge("ch_login", "app", "ev_login", ChallengeType.VERIFICATION,
                new ChallengePlan("pol_new_device", "login", Optional.of("https://app.example/home"), Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        identity),
                ChallengeStatus.PRESENTED, user, Optional.of("owner@example.com"), Optional.empty(), "dev-new", List.of("email"),
                List.of("is_new_device"), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, NOW.minusSeconds(10), NOW.plus(Duration.ofMinutes(10)),
                Optional.empty());
        store.put(challenge);
        return challenge;
    }

    private String sendCode(Challenge challenge) {
        service.sendCode(challenge.id(), "email", "StreamFlix", Locale.ENGLISH);
        assertThat(sent).hasSize(1);
        return sent.getFirst().code();
    }

    @Test
    void theRightCodeAttachesTheDeviceNamingTheChallengedEvaluation() {
        Challenge challenge = open(Optional.of("dina"));
        String code = sendCode(challenge);

        assertThat(service.verify(challenge.id(), "000000".equals(code) ? "111111" : "000000")).isInstanceOf(ChallengeService.Step.Show.class);
        assertThat(links.attached).as("a wrong code attaches nothing").isEmpty();

        assertThat(service.verify(challenge.id(), code)).isInstanceOf(ChallengeService.Step.Leave.class);
        assertThat(store.get(challenge.id()).status()).isEqualTo(ChallengeStatus.COMPLETED);
        assertThat(links.attached).as("as of the challenged evaluation").containsExactly("dev-new@ev_login@" + NOW.minusSeconds(10));
    }

    /** The link a pass makes is vouched only when the challenged evaluation's account was (LinkedDevice.vouched). */
    @Test
    void aPassAttachesVouchedOnlyForAVouchedEvaluation() {
        Challenge unsigned = open(Optional.of("dina"));
        assertThat(service.verify(unsigned.id(), sendCode(unsigned))).isInstanceOf(ChallengeService.Step.Leave.class);
        assertThat(links.attached).hasSize(1);
        assertThat(links.vouchedAttaches).as("an unsigned call's pass").isEmpty();

        sent.clear();
        Challenge server = open(Optional.of("dina"), IdentityProof.SERVER);
        assertThat(service.verify(server.id(), sendCode(server))).isInstanceOf(ChallengeService.Step.Leave.class);
        assertThat(links.vouchedAttaches).as("the backend's login's pass").containsExactly("dev-new");
    }

    @Test
    void aDeclinedOrAbandonedChallengeAttachesNothing() {
        Challenge abandoned = open(Optional.of("dina"));
        sendCode(abandoned);
        assertThat(links.attached).isEmpty();

        service.decline(abandoned.id());
        assertThat(store.get(abandoned.id()).status()).isEqualTo(ChallengeStatus.FAILED);
        assertThat(links.attached).isEmpty();
        assertThat(links.devices("app", "dina").orElseThrow()).as("a login's decline has nothing to log out").isEmpty();
    }

    private Challenge openAccess(String deviceId, IdentityProof identity) {
        Challenge access = new Challenge("ch_access", "app", "ev_access", ChallengeType.VERIFICATION,
                new ChallengePlan("pol_sharing", "access", Optional.of("https://app.example/signup"), Optional.empty(),
                        Optional.of("https://app.example/watch"), OptionalInt.empty(), identity),
                ChallengeStatus.PRESENTED, Optional.of("dina"), Optional.of("owner@example.com"), Optional.empty(), deviceId, List.of("email"),
                List.of("concurrent_sessions"), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, NOW.minusSeconds(10),
                NOW.plus(Duration.ofMinutes(10)), Optional.empty());
        store.put(access);
        return access;
    }

    /** "I am not the account owner" on a page view's challenge, from a device the account never had: logged out all the same. */
    @Test
    void declaringOneselfNotTheOwnerLogsOutADeviceTheAccountNeverHad() {
        Challenge access = openAccess("dev-stranger", IdentityProof.SIGNED);

        assertThat(service.decline(access.id())).isInstanceOf(ChallengeService.Step.Leave.class);
        assertThat(links.devices("app", "dina").orElseThrow()).singleElement().satisfies(device -> {
            assertThat(device.id()).isEqualTo("dev-stranger");
            assertThat(device.status()).as("logged out, still new to the account").isEqualTo(LinkStatus.REFUSED);
        });
        assertThat(links.attached).isEmpty();
    }

    /**
     * Review finding: a decline posted again on a page view's challenge that had already failed logged its
     * device out again, though the account had let the device back in since. A failed challenge is
     * finished: a decline there changes nothing and the page says it failed, with nowhere to leave for.
     */
    @Test
    void aDeclineOnAFailedChallengeLogsNothingOutAgainAndSaysItFailed() {
        Challenge access = openAccess("dev-stranger", IdentityProof.SIGNED);
        assertThat(service.decline(access.id())).isInstanceOf(ChallengeService.Step.Leave.class);
        assertThat(links.detached).containsExactly("dev-stranger");
        // Let back in since (a later login, or a challenge passed on it).
        links.attach("app", "dina", "dev-stranger", "ev_later", NOW.plusSeconds(60), NOW.plusSeconds(60), true);

        ChallengeService.Step again = service.decline(access.id());
        assertThat(again).isInstanceOfSatisfying(ChallengeService.Step.Show.class,
                show -> assertThat(show.notice()).as("the page says it has failed").contains("failed"));
        assertThat(links.detached).as("logged out once, by the decline that failed the challenge").containsExactly("dev-stranger");
        assertThat(links.devices("app", "dina").orElseThrow()).singleElement()
                .satisfies(device -> assertThat(device.status()).isEqualTo(LinkStatus.ATTACHED));
        assertThat(store.get(access.id()).status()).isEqualTo(ChallengeStatus.FAILED);
    }

    /**
     * Review finding (security): an unsigned browser call naming the account, with a new token and the
     * owner's device's components, resolved to the owner's device and was challenged there; its "I am not
     * the account owner" logged that device out, and the owner's next page view was sent to the logout
     * page. An unsigned page is anyone's who holds the public client id, so its decline logs nothing out
     * (as its device-limit page logs out none): the challenge still fails and the browser still leaves.
     */
    @Test
    void anUnsignedDeclineLogsNothingOut() {
        DeviceLinksInMemory owners = new DeviceLinksInMemory(List.of(new AccountDevice("dev-owner", DeviceType.COMPUTER, LinkStatus.ATTACHED,
                NOW.minus(Duration.ofDays(90)), NOW.minus(Duration.ofDays(1)), "Chrome", "Linux", Optional.empty())));
        ChallengeService onOwners = store.service(codes, owners, NOW);
        Challenge access = openAccess("dev-owner", IdentityProof.UNSIGNED);

        assertThat(onOwners.decline(access.id())).isInstanceOf(ChallengeService.Step.Leave.class);
        assertThat(store.get(access.id()).status()).as("the challenge still fails").isEqualTo(ChallengeStatus.FAILED);
        assertThat(owners.devices("app", "dina").orElseThrow()).singleElement()
                .satisfies(device -> assertThat(device.status()).as("the owner's device stays in").isEqualTo(LinkStatus.ATTACHED));
    }

    /** A signup's device is let in to the app instead, as of the challenged evaluation: its next signup is not a new device's. */
    @Test
    void aSignupWithoutAnAccountLetsItsDeviceInToTheAppAndAttachesNothing() {
        Challenge challenge = open(Optional.empty());
        String code = sendCode(challenge);
        service.verify(challenge.id(), "000000".equals(code) ? "111111" : "000000");
        assertThat(links.letIn).as("a wrong code lets nothing in").isEmpty();

        assertThat(service.verify(challenge.id(), code)).isInstanceOf(ChallengeService.Step.Leave.class);
        assertThat(links.attached).isEmpty();
        assertThat(links.letIn).containsExactly("dev-new@" + NOW.minusSeconds(10));
    }

    @Test
    void anAbandonedSignupLetsNothingIn() {
        Challenge abandoned = open(Optional.empty());
        sendCode(abandoned);
        service.decline(abandoned.id());
        assertThat(links.letIn).isEmpty();
    }
}
