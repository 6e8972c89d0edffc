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
 * Review: the right code typed as the last allowed code's lifetime ended, and a second request (the form
 * sent twice, or the app's backend reading the challenge) that read it a moment before and settled it as
 * expired. The right code's write wins and the expiry's is refused; but the losing request answered the
 * expiry it had computed, not what was stored: the backend read {@code expired} for a passed challenge,
 * and the page that the browser shows (the second answer) said "This check has expired" to an owner who
 * had passed. One must win cleanly: the loser answers what is stored.
 */
class ExpiryRaceTest {
    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

    /** The challenges, with another request's write landing between one request's read and its write, once. */
    private static final class RacingStore implements ChallengeStore {
        final ChallengesInMemory challenges = new ChallengesInMemory();
        Runnable beforeNextReplace = () -> {};

        @Override
        public Optional<Challenge> find(String challengeId) {
            return challenges.find(challengeId);
        }

        @Override
        public boolean replace(Challenge expected, Challenge next) {
            Runnable other = beforeNextReplace;
            beforeNextReplace = () -> {};
            other.run();
            return challenges.replace(expected, next);
        }

        @Override
        public void recordExit(String challengeId, String exitedTo) {}

        @Override
        public boolean verifiedRecently(String appId, String accountKey, String deviceId, Instant since, boolean vouchedOnly) {
            return false;
        }
    }

    private final RacingStore store = new RacingStore();
    private final CodesSent codes = new CodesSent("email");
    private final MutableClock clock = new MutableClock(T0);
    private final ChallengeRules rules = new ChallengeRules(5, Duration.ofSeconds(30), 5, Duration.ofMinutes(10));
    private final ChallengeService service = new ChallengeService(store, new ChallengeMachine(rules,
            new VerificationCodes("0123456789abcdef0123456789abcdef".getBytes(), new java.util.SplittableRandom(7))), rules, codes,
            new DeviceLinksInMemory(List.of()), clock);

    /** Five codes sent, the clock at the moment the last one stops being taken; the right code already completed it in another request. */
    private void lastCodeEndsAsItsRightCodeCompletes() {
        store.challenges.put(new Challenge("ch_race", "app", "ev_race", ChallengeType.VERIFICATION,
                new ChallengePlan("pol_new_device", "login", Optional.of("https://app.example/home"), Optional.empty(), Optional.empty(), OptionalInt.empty()),
                ChallengeStatus.PRESENTED, Optional.of("dina"), Optional.of("owner@example.com"), Optional.empty(), "dev-new", List.of("email"),
                List.of("is_new_device"), Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, T0, T0.plus(Duration.ofHours(24)), Optional.empty()));
        for (int send = 1; send <= 5; send++) {
            service.sendCode("ch_race", "email", "StreamFlix", Locale.ENGLISH);
            clock.advance(Duration.ofSeconds(31));
        }
        Challenge waiting = store.challenges.get("ch_race");
        Instant lastCodeEnds = waiting.codeSentAt().orElseThrow().plus(Duration.ofMinutes(10));
        // The other request judged the right code a millisecond before the end, and writes it as this one settles.
        Challenge completed = waiting.with(ChallengeStatus.COMPLETED, Optional.empty(), waiting.codeSentAt(), 0, 5, Optional.of(lastCodeEnds.minusMillis(1)));
        store.beforeNextReplace = () -> assertThat(store.challenges.replace(waiting, completed)).isTrue();
        clock.set(lastCodeEnds);
    }

    @Test
    void theBackendReadsTheRightCodesCompletionNotTheExpiryThatLost() {
        lastCodeEndsAsItsRightCodeCompletes();
        assertThat(service.get("ch_race").status()).isEqualTo(ChallengeStatus.COMPLETED);
        assertThat(store.challenges.get("ch_race").status()).isEqualTo(ChallengeStatus.COMPLETED);
    }

    @Test
    void theSameRightCodeSentAgainGoesOnAsThePassDid() {
        lastCodeEndsAsItsRightCodeCompletes();
        String right = codes.messages.getLast().code();
        assertThat(service.verify("ch_race", right)).as("the second answer, which the browser shows").isInstanceOfSatisfying(
                ChallengeService.Step.Leave.class, leave -> assertThat(leave.url()).startsWith("https://app.example/home"));
    }
}
