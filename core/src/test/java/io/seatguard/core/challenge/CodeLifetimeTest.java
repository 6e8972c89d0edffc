package io.seatguard.core.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.policy.ChallengeType;
import io.seatguard.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Review: a code lived as long as its challenge ({@code expires_in_seconds}, up to 24 hours) while its
 * message said "It is valid for 10 minutes". A code is taken for its lifetime after it was sent
 * ({@link ChallengeRules#codeLifetime}) or until the challenge expires, whichever is first; the message
 * states that; a code typed later is not judged, costs no attempt, and a new one may be asked for.
 */
class CodeLifetimeTest {
    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

    private final ChallengesInMemory store = new ChallengesInMemory();
    private final CodesSent codes = new CodesSent("email");
    private final MutableClock clock = new MutableClock(T0);
    private final ChallengeRules rules = new ChallengeRules(5, Duration.ofSeconds(30), 5, Duration.ofMinutes(10));
    private final ChallengeService service = new ChallengeService(store, new ChallengeMachine(rules,
            new VerificationCodes("0123456789abcdef0123456789abcdef".getBytes(), new java.util.SplittableRandom(7))), rules, codes,
            new DeviceLinksInMemory(List.of()), clock);

    private Challenge presented(Duration expiresIn) {
        Challenge challenge = new Challenge("ch_life", "app", "ev_life", ChallengeType.VERIFICATION,
                new ChallengePlan("pol_new_device", "login", Optional.of("https://app.example/home"), Optional.empty(), Optional.empty(), OptionalInt.empty()),
                ChallengeStatus.PRESENTED, Optional.of("dina"), Optional.of("owner@example.com"), Optional.empty(), "dev-new", List.of("email"),
                List.of("is_new_device"), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, T0, T0.plus(expiresIn), Optional.empty());
        store.put(challenge);
        return challenge;
    }

    private String sent() {
        assertThat(service.sendCode("ch_life", "email", "StreamFlix", Locale.ENGLISH)).isInstanceOfSatisfying(ChallengeService.Step.Show.class,
                show -> assertThat(show.notice()).contains(ChallengeService.CODE_SENT));
        return codes.messages.getLast().code();
    }

    @Test
    void aCodeOfADayLongChallengeIsValidForItsLifetimeAndItsMessageSaysSo() {
        presented(Duration.ofHours(24));
        clock.advance(Duration.ofMinutes(1));
        sent();
        assertThat(codes.messages.getLast().validFor()).isEqualTo(Duration.ofMinutes(10));
        assertThat(service.codeValidFor(store.get("ch_life"))).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aCodeOfAChallengeEndingSoonerIsValidUntilTheChallengeEnds() {
        presented(Duration.ofMinutes(6));
        clock.advance(Duration.ofMinutes(1));
        sent();
        assertThat(codes.messages.getLast().validFor()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aCodeTypedAfterItsLifetimeIsNotJudgedCostsNoAttemptAndANewOneMayBeSent() {
        presented(Duration.ofHours(24));
        String first = sent();
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(service.awaitsCode(store.get("ch_life"))).as("just within its lifetime").isTrue();
        clock.advance(Duration.ofSeconds(1));
        Challenge before = store.get("ch_life");
        assertThat(service.awaitsCode(before)).as("a check now judges nothing, so spends no limits").isFalse();

        assertThat(service.verify("ch_life", first)).as("the right code, too late").isInstanceOfSatisfying(ChallengeService.Step.Show.class, show -> {
            assertThat(show.notice()).contains(ChallengeService.CODE_EXPIRED);
            assertThat(show.attemptsLeft()).isEqualTo(5);
        });
        assertThat(service.verify("ch_life", "abc")).isInstanceOfSatisfying(ChallengeService.Step.Show.class,
                show -> assertThat(show.notice()).contains(ChallengeService.CODE_EXPIRED));
        assertThat(store.get("ch_life")).as("nothing stored: no attempt counted, the challenge still open").isEqualTo(before);
        assertThat(store.get("ch_life").status()).isEqualTo(ChallengeStatus.CODE_SENT);

        assertThat(service.maySend(store.get("ch_life"), "email")).as("a new code is offered").isTrue();
        String second = sent();
        assertThat(service.verify("ch_life", second)).isInstanceOf(ChallengeService.Step.Leave.class);
        assertThat(store.get("ch_life").status()).isEqualTo(ChallengeStatus.COMPLETED);
    }

    /**
     * Review: once the fifth (last allowed) code outlived its lifetime, the challenge stayed {@code code_sent}
     * until its own expiry (up to a day), with no code that could pass and none that could be sent. It
     * expires then, as of the moment that code stopped being taken, and says so to the page and the backend.
     */
    @Test
    void theLastAllowedCodeOutlivingItsLifetimeExpiresTheChallenge() {
        presented(Duration.ofHours(24));
        for (int send = 1; send <= 5; send++) {
            sent();
            clock.advance(Duration.ofSeconds(31));
        }
        Instant lastSent = store.get("ch_life").codeSentAt().orElseThrow();
        clock.set(lastSent.plus(Duration.ofMinutes(10)).minusSeconds(1));
        assertThat(service.get("ch_life").status()).as("the last code is still taken").isEqualTo(ChallengeStatus.CODE_SENT);

        clock.advance(Duration.ofSeconds(1));
        Challenge ended = service.get("ch_life");
        assertThat(ended.status()).isEqualTo(ChallengeStatus.EXPIRED);
        assertThat(ended.finishedAt()).as("ended when its last code stopped being taken").contains(lastSent.plus(Duration.ofMinutes(10)));
        assertThat(store.get("ch_life").status()).as("stored so").isEqualTo(ChallengeStatus.EXPIRED);
        assertThat(service.verify("ch_life", "123456")).isInstanceOfSatisfying(ChallengeService.Step.Show.class,
                show -> assertThat(show.notice()).contains("expired"));
    }

    /** A code expired while sends are left keeps the challenge open: a new code may still be asked for. */
    @Test
    void anExpiredCodeWithSendsLeftKeepsTheChallengeOpen() {
        presented(Duration.ofHours(24));
        for (int send = 1; send <= 4; send++) {
            sent();
            clock.advance(Duration.ofSeconds(31));
        }
        clock.advance(Duration.ofMinutes(20));
        assertThat(service.get("ch_life").status()).isEqualTo(ChallengeStatus.CODE_SENT);
        assertThat(service.maySend(store.get("ch_life"), "email")).isTrue();
    }
}
