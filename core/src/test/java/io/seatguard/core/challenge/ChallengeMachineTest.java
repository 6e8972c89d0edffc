package io.seatguard.core.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.policy.ChallengeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The challenge state machine on a hand-moved clock: expiry, attempts, cooldown, override. */
class ChallengeMachineTest {
    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    private final VerificationCodes codes = new VerificationCodes(KEY, new SplittableRandom(7));
    private final ChallengeMachine machine = new ChallengeMachine(ChallengeRules.DEFAULTS, codes);

    private static Challenge challenge(ChallengeType type) {
        return new Challenge("ch_1", "app", "ev_1", type, new ChallengePlan("pol_1", "access", Optional.of("https://app.example/signup"),
                Optional.empty(), Optional.of("https://app.example/watch"), java.util.OptionalInt.empty(), io.seatguard.core.evaluation.IdentityProof.SERVER),
                ChallengeStatus.CREATED, Optional.of("mia"), Optional.of("mia@example.com"),
                Optional.empty(), "6f0c3c5e-54a4-4c1c-9a57-0a4bb2b9f7a1", List.of("email"), List.of("concurrent_sessions"), Optional.empty(),
                Optional.empty(), Optional.empty(), 0, 0, T0, T0.plus(Duration.ofMinutes(10)), Optional.empty());
    }

    private ChallengeMachine.Outcome.SendCode send(Challenge challenge, Instant at) {
        ChallengeMachine.Outcome outcome = machine.sendCode(challenge, "email", at);
        assertThat(outcome).isInstanceOf(ChallengeMachine.Outcome.SendCode.class);
        return (ChallengeMachine.Outcome.SendCode) outcome;
    }

    @Test
    void aSignupsChallengesShareOneKeyWhateverTheCaseOfItsEmail() {
        Challenge base = challenge(ChallengeType.VERIFICATION);
        java.util.function.Function<String, Challenge> signup = email -> new Challenge("ch_2", "app", "ev_2", ChallengeType.VERIFICATION, base.plan(),
                ChallengeStatus.CREATED, Optional.empty(), Optional.of(email), Optional.empty(), base.deviceId(), List.of("email"), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, T0, T0.plus(Duration.ofMinutes(10)), Optional.empty());
        assertThat(signup.apply("Victim@Example.COM").accountKey()).isEqualTo(signup.apply("victim@example.com").accountKey())
                .isEqualTo("email:victim@example.com");
        assertThat(base.accountKey()).isEqualTo("user:mia");
    }

    /** Review finding B: a signup's limits followed the caller's made-up user, not the address the code goes to. */
    @Test
    void aSignupsLimitsCountPerAddressWhateverUserItNames() {
        Challenge base = challenge(ChallengeType.VERIFICATION);
        ChallengePlan signupPlan = new ChallengePlan("pol_1", "signup", Optional.of("https://app.example/welcome"), Optional.empty(), Optional.empty(),
                java.util.OptionalInt.empty());
        java.util.function.BiFunction<Optional<String>, Optional<String>, Challenge> signup = (email, phone) -> new Challenge("ch_3", "app", "ev_3",
                ChallengeType.VERIFICATION, signupPlan, ChallengeStatus.CREATED, Optional.of("anyone" + email.hashCode()), email, phone, base.deviceId(),
                List.of("email", "sms"), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, T0, T0.plus(Duration.ofMinutes(10)), Optional.empty());
        assertThat(signup.apply(Optional.of("Victim@Example.com"), Optional.empty()).limitKey())
                .isEqualTo(signup.apply(Optional.of("victim@example.com"), Optional.of("+33612345678")).limitKey())
                .isEqualTo("email:victim@example.com");
        assertThat(signup.apply(Optional.empty(), Optional.of("+33612345678")).limitKey()).isEqualTo("phone:+33612345678");
        assertThat(base.limitKey()).as("an access counts per account").isEqualTo("user:mia");
    }

    /** Found in review: unsigned calls naming the owner's account spent its buckets with codes sent to the caller's own mailbox. */
    @Test
    void anUnsignedCallsLimitsCountPerAddressNotOnTheOwnersAccount() {
        Challenge base = challenge(ChallengeType.VERIFICATION);
        ChallengePlan unsignedPlan = new ChallengePlan("pol_1", "login", Optional.of("https://app.example/welcome"), Optional.empty(), Optional.empty(),
                java.util.OptionalInt.empty(), io.seatguard.core.evaluation.IdentityProof.UNSIGNED);
        Challenge unsigned = new Challenge("ch_4", "app", "ev_4", ChallengeType.VERIFICATION, unsignedPlan, ChallengeStatus.CREATED, Optional.of("mia"),
                Optional.of("Evil@Attacker.test"), Optional.empty(), base.deviceId(), List.of("email"), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, 0, T0, T0.plus(Duration.ofMinutes(10)), Optional.empty());
        assertThat(unsigned.limitKey()).isEqualTo("email:evil@attacker.test").isNotEqualTo(base.limitKey());
        assertThat(unsigned.accountKey()).as("still the account's challenge").isEqualTo("user:mia");
    }

    @Test
    void theOwnerGoesFromCreatedToCompleted() {
        Challenge presented = machine.present(challenge(ChallengeType.VERIFICATION), T0.plusSeconds(1)).challenge();
        assertThat(presented.status()).isEqualTo(ChallengeStatus.PRESENTED);
        ChallengeMachine.Outcome.SendCode sent = send(presented, T0.plusSeconds(2));
        assertThat(sent.code()).matches("\\d{6}");
        assertThat(sent.challenge().status()).isEqualTo(ChallengeStatus.CODE_SENT);
        assertThat(sent.challenge().codeChannel()).as("the page names only where it went").contains("email");
        assertThat(sent.challenge().codeHash()).hasValueSatisfying(hash -> assertThat(hash).doesNotContain(sent.code()).hasSize(64));
        Challenge verified = machine.verify(sent.challenge(), sent.code(), T0.plusSeconds(30)).challenge();
        assertThat(verified.status()).isEqualTo(ChallengeStatus.VERIFIED);
        assertThat(verified.codeHash()).as("a used code is forgotten").isEmpty();
        Challenge completed = machine.complete(verified, T0.plusSeconds(31)).challenge();
        assertThat(completed.status()).isEqualTo(ChallengeStatus.COMPLETED);
        assertThat(completed.finishedAt()).contains(T0.plusSeconds(31));
        assertThat(machine.complete(completed, T0.plusSeconds(32))).isInstanceOf(ChallengeMachine.Outcome.Refused.class);
        assertThat(machine.verify(completed, sent.code(), T0.plusSeconds(32))).isInstanceOf(ChallengeMachine.Outcome.Refused.class);
    }

    @Test
    void completingBeforeTheCodeIsVerifiedIsRefused() {
        ChallengeMachine.Outcome.SendCode sent = send(challenge(ChallengeType.VERIFICATION), T0);
        assertThat(machine.complete(sent.challenge(), T0.plusSeconds(5))).isInstanceOf(ChallengeMachine.Outcome.Refused.class);
    }

    @Test
    void wrongCodesCountDownAndTheLastOneFails() {
        ChallengeMachine.Outcome.SendCode sent = send(challenge(ChallengeType.VERIFICATION), T0);
        String wrong = sent.code().equals("000000") ? "111111" : "000000";
        Challenge current = sent.challenge();
        for (int left = ChallengeRules.DEFAULTS.maxAttempts() - 1; left >= 1; left--) {
            ChallengeMachine.Outcome outcome = machine.verify(current, wrong, T0.plusSeconds(10));
            assertThat(outcome).isInstanceOfSatisfying(ChallengeMachine.Outcome.WrongCode.class, w -> assertThat(w.attemptsLeft()).isPositive());
            assertThat(((ChallengeMachine.Outcome.WrongCode) outcome).attemptsLeft()).isEqualTo(left);
            current = outcome.challenge();
        }
        Challenge failed = machine.verify(current, wrong, T0.plusSeconds(11)).challenge();
        assertThat(failed.status()).isEqualTo(ChallengeStatus.FAILED);
        assertThat(machine.verify(failed, sent.code(), T0.plusSeconds(12)))
                .as("the right code after the lockout is refused").isInstanceOf(ChallengeMachine.Outcome.Refused.class);
    }

    @Test
    void malformedCodesCountAsWrong() {
        ChallengeMachine.Outcome.SendCode sent = send(challenge(ChallengeType.VERIFICATION), T0);
        for (String bad : new String[] {"", "12345", "1234567", "abcdef", sent.code() + " "}) {
            assertThat(machine.verify(sent.challenge(), bad, T0.plusSeconds(1))).isInstanceOf(ChallengeMachine.Outcome.WrongCode.class);
        }
    }

    @Test
    void aChallengeExpiresWhateverIsAskedOfIt() {
        ChallengeMachine.Outcome.SendCode sent = send(challenge(ChallengeType.VERIFICATION), T0);
        Instant late = T0.plus(Duration.ofMinutes(10));
        ChallengeMachine.Outcome outcome = machine.verify(sent.challenge(), sent.code(), late);
        assertThat(outcome).isInstanceOf(ChallengeMachine.Outcome.Refused.class);
        assertThat(outcome.challenge().status()).isEqualTo(ChallengeStatus.EXPIRED);
        assertThat(outcome.challenge().finishedAt()).contains(T0.plus(Duration.ofMinutes(10)));
        assertThat(machine.settle(sent.challenge(), late.minusMillis(1)).status()).isEqualTo(ChallengeStatus.CODE_SENT);
        assertThat(machine.sendCode(sent.challenge(), "email", late).challenge().status()).isEqualTo(ChallengeStatus.EXPIRED);
    }

    @Test
    void resendsWaitForTheCooldownReplaceTheCodeAndStopAtTheLimit() {
        ChallengeMachine.Outcome.SendCode first = send(challenge(ChallengeType.VERIFICATION), T0);
        ChallengeMachine.Outcome tooSoon = machine.sendCode(first.challenge(), "email", T0.plusSeconds(10));
        assertThat(tooSoon).isInstanceOfSatisfying(ChallengeMachine.Outcome.TooSoon.class,
                t -> assertThat(t.retryAfter()).isEqualTo(Duration.ofSeconds(20)));
        Challenge current = first.challenge();
        String latest = first.code();
        Instant at = T0;
        for (int sends = 2; sends <= ChallengeRules.DEFAULTS.maxSends(); sends++) {
            at = at.plus(ChallengeRules.DEFAULTS.resendCooldown());
            ChallengeMachine.Outcome.SendCode again = send(current, at);
            assertThat(again.challenge().sends()).isEqualTo(sends);
            current = again.challenge();
            latest = again.code();
        }
        assertThat(machine.maySendAgain(first.challenge())).isTrue();
        assertThat(machine.maySendAgain(current)).as("the page then offers no button for another").isFalse();
        assertThat(machine.sendCode(current, "email", at.plus(ChallengeRules.DEFAULTS.resendCooldown())))
                .isInstanceOfSatisfying(ChallengeMachine.Outcome.Refused.class, r -> assertThat(r.reason()).contains("no more codes"));
        assertThat(latest).as("the seeded generator gives distinct codes").isNotEqualTo(first.code());
        assertThat(machine.verify(current, first.code(), at)).as("an older code no longer works").isInstanceOf(ChallengeMachine.Outcome.WrongCode.class);
        assertThat(machine.verify(current, latest, at).challenge().status()).isEqualTo(ChallengeStatus.VERIFIED);
    }

    @Test
    void aNewerChallengeOverridesAPendingOneButNotAFinishedOne() {
        Challenge pending = machine.present(challenge(ChallengeType.VERIFICATION), T0).challenge();
        Challenge overridden = machine.override(pending, T0.plusSeconds(5)).challenge();
        assertThat(overridden.status()).isEqualTo(ChallengeStatus.OVERRIDDEN);
        assertThat(machine.sendCode(overridden, "email", T0.plusSeconds(6))).isInstanceOfSatisfying(ChallengeMachine.Outcome.Refused.class,
                r -> assertThat(r.reason()).contains("newer challenge"));
        Challenge failed = machine.fail(challenge(ChallengeType.VERIFICATION), T0).challenge();
        assertThat(machine.override(failed, T0.plusSeconds(1)).challenge().status()).isEqualTo(ChallengeStatus.FAILED);
    }

    /**
     * A challenge left {@code code_sent} once its last allowed code ran out (every send used and the last
     * code's lifetime over, or every attempt used) is finished: settled, it is expired (or failed), so a
     * newer challenge does not override it and a logout does not fail it. Those steps settle first, and
     * a final status is refused: the challenge keeps the end it had, and no {@code challenge.failed}
     * follows an expiry. Pinned here because the stored row still reads {@code code_sent} until someone
     * reads it settled.
     */
    @Test
    void aChallengeWhoseLastCodeRanOutIsNeitherOverriddenNorFailed() {
        ChallengeRules shortCodes = new ChallengeRules(5, Duration.ofSeconds(30), 5, Duration.ofMinutes(2));
        ChallengeMachine shortLived = new ChallengeMachine(shortCodes, codes);
        Challenge current = challenge(ChallengeType.VERIFICATION);
        Instant at = T0;
        for (int sends = 1; sends <= shortCodes.maxSends(); sends++) {
            current = ((ChallengeMachine.Outcome.SendCode) shortLived.sendCode(current, "email", at)).challenge();
            at = at.plus(shortCodes.resendCooldown());
        }
        Instant lastCodeEnds = shortLived.codeValidUntil(current).orElseThrow();
        Instant afterIt = lastCodeEnds.plusSeconds(1);
        assertThat(afterIt).as("before the challenge's own expiry").isBefore(current.expiresAt());
        assertThat(current.status()).isEqualTo(ChallengeStatus.CODE_SENT);
        for (ChallengeMachine.Outcome outcome : List.of(shortLived.override(current, afterIt), shortLived.fail(current, afterIt))) {
            assertThat(outcome).isInstanceOfSatisfying(ChallengeMachine.Outcome.Refused.class, r -> assertThat(r.reason()).contains("expired"));
            assertThat(outcome.challenge().status()).isEqualTo(ChallengeStatus.EXPIRED);
            assertThat(outcome.challenge().finishedAt()).as("it ended when its last code did").contains(lastCodeEnds);
        }
        assertThat(shortLived.override(current, lastCodeEnds.minusMillis(1)).challenge().status())
                .as("while its last code still works, it is pending and a newer one overrides it").isEqualTo(ChallengeStatus.OVERRIDDEN);

        ChallengeMachine.Outcome.SendCode sent = send(challenge(ChallengeType.VERIFICATION), T0);
        String wrong = sent.code().equals("000000") ? "111111" : "000000";
        Challenge locked = sent.challenge();
        for (int attempt = 1; attempt <= ChallengeRules.DEFAULTS.maxAttempts(); attempt++) {
            locked = machine.verify(locked, wrong, T0.plusSeconds(attempt)).challenge();
        }
        assertThat(locked.status()).as("the last attempt used fails it at once").isEqualTo(ChallengeStatus.FAILED);
        assertThat(machine.override(locked, T0.plusSeconds(10))).isInstanceOf(ChallengeMachine.Outcome.Refused.class);
        assertThat(machine.fail(locked, T0.plusSeconds(10)).challenge().finishedAt()).contains(T0.plusSeconds(ChallengeRules.DEFAULTS.maxAttempts()));
    }

    @Test
    void aDeviceLimitChallengeSendsNoCodeAndCompletesFromThePage() {
        Challenge limit = challenge(ChallengeType.DEVICE_LIMIT);
        assertThat(machine.sendCode(limit, "email", T0)).isInstanceOf(ChallengeMachine.Outcome.Refused.class);
        Challenge presented = machine.present(limit, T0).challenge();
        assertThat(machine.complete(presented, T0.plusSeconds(20)).challenge().status()).isEqualTo(ChallengeStatus.COMPLETED);
    }

    @Test
    void aCodeIsBoundToItsChallengeAndItsKey() {
        String hash = codes.hash("ch_1", "123456");
        assertThat(codes.matches("ch_1", "123456", hash)).isTrue();
        assertThat(codes.matches("ch_2", "123456", hash)).isFalse();
        VerificationCodes otherKey = new VerificationCodes("fedcba9876543210fedcba9876543210".getBytes(), new SplittableRandom(1));
        assertThat(otherKey.matches("ch_1", "123456", hash)).isFalse();
    }
}
