package io.seatguard.core.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.policy.ChallengeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A send whose outcome is unknown (handed over in full, no answer) may still arrive: it was undone as a
 * failed one, and the owner then got a code the page refused, after a page that said nothing was sent.
 * It is kept as a sent code: valid, counted, its cooldown running; the page says it may take a while.
 */
class UncertainSendTest {
    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

    private final ChallengesInMemory store = new ChallengesInMemory();
    private final AtomicReference<String> handedOver = new AtomicReference<>();

    private final CodeSender timingOut = new CodeSender() {
        @Override
        public Set<String> channels() {
            return Set.of("email");
        }

        @Override
        public void send(CodeMessage message) {
            handedOver.set(message.code());
            throw new DeliveryUncertain("the mail server did not answer the end of the mail");
        }
    };

    @Test
    void aSendWithNoAnswerKeepsItsCodeValidCountedAndCoolingDown() {
        ChallengeService service = store.service(timingOut, new DeviceLinksInMemory(List.of()), NOW);
        store.put(presented());

        ChallengeService.Step step = service.sendCode("ch_1", "email", "Shop", Locale.ENGLISH);

        assertThat(step).isInstanceOfSatisfying(ChallengeService.Step.Show.class,
                show -> assertThat(show.notice()).contains(ChallengeService.CODE_MAY_BE_LATE));
        Challenge after = store.get("ch_1");
        assertThat(after.status()).isEqualTo(ChallengeStatus.CODE_SENT);
        assertThat(after.sends()).as("the send is counted").isEqualTo(1);
        assertThat(after.codeSentAt()).as("its cooldown runs").contains(NOW);
        assertThat(service.maySend(after, "email")).as("no second code at once, to replace the one on its way").isFalse();
        assertThat(service.verify("ch_1", handedOver.get())).as("the code, when it arrives, is taken")
                .isInstanceOf(ChallengeService.Step.Leave.class);
    }

    private static Challenge presented() {
        return new Challenge("ch_1", "app", "ev_1", ChallengeType.VERIFICATION,
                new ChallengePlan("pol_1", "login", Optional.of("https://app.example/ok"), Optional.empty(), Optional.empty(), OptionalInt.empty()),
                ChallengeStatus.PRESENTED, Optional.of("user-1"), Optional.of("owner@example.com"), Optional.empty(), "dev-1", List.of("email"), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, NOW.minusSeconds(60), NOW.plus(Duration.ofMinutes(10)), Optional.empty());
    }
}
