package io.seatguard.core.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.policy.ChallengeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A send the mail server failed is not counted and starts no cooldown, also when another tab's code check
 * landed while the mail server was being tried (up to 30 s): the undo was made only over an unchanged
 * challenge, so that check left the undelivered code current, its send counted and its cooldown running.
 */
class UndeliveredSendTest {
    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

    private final ChallengesInMemory store = new ChallengesInMemory();
    private final AtomicReference<ChallengeService> service = new AtomicReference<>();

    /** Fails every send, after another tab has posted a (wrong) code while it was being tried. */
    private final CodeSender failingAfterAGuess = new CodeSender() {
        @Override
        public Set<String> channels() {
            return Set.of("email");
        }

        @Override
        public void send(CodeMessage message) {
            service.get().verify("ch_1", message.code().equals("000000") ? "111111" : "000000");
            throw new IllegalStateException("554 the mail server refused the message");
        }
    };

    @Test
    void aCheckDuringAFailedSendLeavesTheSendUncountedAndNoCooldown() {
        service.set(store.service(failingAfterAGuess, new DeviceLinksInMemory(List.of()), NOW));
        store.put(presented());

        ChallengeService.Step step = service.get().sendCode("ch_1", "email", "Shop", java.util.Locale.ENGLISH);

        assertThat(step).isInstanceOfSatisfying(ChallengeService.Step.Show.class,
                show -> assertThat(show.notice()).contains(ChallengeService.SEND_FAILED));
        Challenge after = store.get("ch_1");
        assertThat(after.status()).as("no code was delivered").isEqualTo(ChallengeStatus.PRESENTED);
        assertThat(after.codeHash()).isEmpty();
        assertThat(after.sends()).as("the send is not counted").isZero();
        assertThat(after.codeSentAt()).as("no cooldown").isEmpty();
        assertThat(after.attempts()).as("the check was judged, and stays counted").isEqualTo(1);
        assertThat(service.get().maySend(after, "email")).as("a new code may be asked for at once").isTrue();
    }

    private static Challenge presented() {
        return new Challenge("ch_1", "app", "ev_1", ChallengeType.VERIFICATION,
                new ChallengePlan("pol_1", "login", Optional.of("https://app.example/ok"), Optional.empty(), Optional.empty(), OptionalInt.empty()),
                ChallengeStatus.PRESENTED, Optional.of("user-1"), Optional.of("owner@example.com"), Optional.empty(), "dev-1", List.of("email"), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, NOW.minusSeconds(60), NOW.plus(Duration.ofMinutes(10)), Optional.empty());
    }
}
