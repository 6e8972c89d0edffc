package io.seatguard.core.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.policy.ChallengeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Reading a challenge with another app's key finds nothing and changes nothing of the app that owns it. */
class AnotherAppsChallengeTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final ChallengesInMemory store = new ChallengesInMemory();
    private final ChallengeService service = store.service(new CodesSent("email"), new DeviceLinksInMemory(List.of()), NOW);

    @Test
    void anotherAppsRunOutChallengeIsNotFoundAndLeftAsStored() {
        store.put(presentedUntil(NOW.minus(Duration.ofMinutes(1))));

        assertThatThrownBy(() -> service.get("other-app", "ch_1"))
                .isInstanceOfSatisfying(SeatguardException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(store.find("ch_1").orElseThrow().status()).isEqualTo(ChallengeStatus.PRESENTED);
    }

    @Test
    void theOwnersReadSettlesTheExpiry() {
        store.put(presentedUntil(NOW.minus(Duration.ofMinutes(1))));

        assertThat(service.get("app", "ch_1").status()).isEqualTo(ChallengeStatus.EXPIRED);
        assertThat(store.find("ch_1").orElseThrow().status()).isEqualTo(ChallengeStatus.EXPIRED);
    }

    @Test
    void anUnknownChallengeIsNotFoundInTheSameWords() {
        store.put(presentedUntil(NOW.plus(Duration.ofMinutes(5))));

        assertThatThrownBy(() -> service.get("other-app", "ch_1")).hasMessage(
                catchMessage(() -> service.get("app", "ch_2")).replace("ch_2", "ch_1"));
    }

    private static String catchMessage(Runnable call) {
        try {
            call.run();
        } catch (SeatguardException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a SeatguardException");
    }

    private static Challenge presentedUntil(Instant expiresAt) {
        return new Challenge("ch_1", "app", "ev_1", ChallengeType.VERIFICATION,
                new ChallengePlan("pol_1", "access", Optional.of("https://app.example/ok"), Optional.empty(), Optional.empty(), OptionalInt.empty()),
                ChallengeStatus.PRESENTED, Optional.of("user-1"), Optional.empty(), Optional.empty(), "dev-1", List.of(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, NOW.minus(Duration.ofMinutes(20)), expiresAt, Optional.empty());
    }
}
