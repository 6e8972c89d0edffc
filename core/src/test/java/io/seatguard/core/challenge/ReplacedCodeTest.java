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
 * Review: after a resend, the first code, arriving late (SMS delays are common) and typed, counted as a
 * wrong attempt though its person did nothing wrong. A code a resend replaced, typed within its lifetime,
 * is not taken (only the newest is) but is told apart ({@link ChallengeService#CODE_REPLACED}) and costs
 * no attempt; only the last {@link Challenge#KEPT_REPLACED_CODES} are kept.
 */
class ReplacedCodeTest {
    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

    private final ChallengesInMemory store = new ChallengesInMemory();
    private final CodesSent codes = new CodesSent("sms");
    private final MutableClock clock = new MutableClock(T0);
    private final ChallengeRules rules = new ChallengeRules(5, Duration.ofSeconds(30), 5, Duration.ofMinutes(10));
    private final ChallengeService service = new ChallengeService(store, new ChallengeMachine(rules,
            new VerificationCodes("0123456789abcdef0123456789abcdef".getBytes(), new java.util.SplittableRandom(11))), rules, codes,
            new DeviceLinksInMemory(List.of()), clock);

    private void presented() {
        store.put(new Challenge("ch_late", "app", "ev_late", ChallengeType.VERIFICATION,
                new ChallengePlan("pol_new_device", "login", Optional.of("https://app.example/home"), Optional.empty(), Optional.empty(), OptionalInt.empty()),
                ChallengeStatus.PRESENTED, Optional.of("rosa"), Optional.empty(), Optional.of("+15555550100"), "dev-new", List.of("sms"),
                List.of("is_new_device"), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, T0, T0.plus(Duration.ofHours(1)), Optional.empty()));
    }

    private String sent() {
        assertThat(service.sendCode("ch_late", "sms", "StreamFlix", Locale.ENGLISH)).isInstanceOfSatisfying(ChallengeService.Step.Show.class,
                show -> assertThat(show.notice()).contains(ChallengeService.CODE_SENT));
        String code = codes.messages.getLast().code();
        clock.advance(Duration.ofSeconds(31));
        return code;
    }

    @Test
    void aReplacedCodeTypedInItsLifetimeIsToldApartAndCostsNoAttempt() {
        presented();
        String first = sent();
        String second = sent();
        Challenge before = store.get("ch_late");

        assertThat(service.verify("ch_late", first)).isInstanceOfSatisfying(ChallengeService.Step.Show.class, show -> {
            assertThat(show.notice()).contains(ChallengeService.CODE_REPLACED);
            assertThat(show.attemptsLeft()).isEqualTo(5);
        });
        assertThat(store.get("ch_late")).as("nothing stored: no attempt counted").isEqualTo(before);
        assertThat(service.verify("ch_late", second)).as("the newest code still passes").isInstanceOf(ChallengeService.Step.Leave.class);
    }

    @Test
    void aReplacedCodeIsNeverTakenAndPastItsLifetimeIsAnAttemptAsAnyWrongCode() {
        presented();
        String first = sent();
        sent();
        clock.set(T0.plus(Duration.ofMinutes(10)));
        String third = sent();
        assertThat(service.verify("ch_late", first)).as("the first code's lifetime has ended")
                .isInstanceOfSatisfying(ChallengeService.Step.Show.class, show -> {
                    assertThat(show.notice()).contains("wrong_code");
                    assertThat(show.attemptsLeft()).isEqualTo(4);
                });
        assertThat(store.get("ch_late").status()).isEqualTo(ChallengeStatus.CODE_SENT);
        assertThat(service.verify("ch_late", third)).isInstanceOf(ChallengeService.Step.Leave.class);
    }

    @Test
    void onlyTheLastFewReplacedCodesAreKept() {
        presented();
        String first = sent();
        String second = sent();
        String third = sent();
        sent();
        assertThat(store.get("ch_late").replacedCodes()).hasSize(Challenge.KEPT_REPLACED_CODES);
        assertThat(service.verify("ch_late", third)).isInstanceOfSatisfying(ChallengeService.Step.Show.class,
                show -> assertThat(show.notice()).contains(ChallengeService.CODE_REPLACED));
        assertThat(service.verify("ch_late", second)).isInstanceOfSatisfying(ChallengeService.Step.Show.class,
                show -> assertThat(show.notice()).contains(ChallengeService.CODE_REPLACED));
        assertThat(service.verify("ch_late", first)).as("no longer kept: judged as any wrong code")
                .isInstanceOfSatisfying(ChallengeService.Step.Show.class, show -> assertThat(show.notice()).contains("wrong_code"));
    }
}
