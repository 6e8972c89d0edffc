package io.seatguard.core.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.policy.ChallengeType;
import io.seatguard.core.testing.EvaluationSamples;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** An evaluation read later shows its challenge as it stands now, which is what a backend and an operator check. */
class CurrentChallengeTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final ChallengesInMemory store = new ChallengesInMemory();
    private final ChallengeService service = store.service(new CodesSent("email"), new DeviceLinksInMemory(List.of()), NOW);

    @Test
    void theStoredStatusGivesWayToTheChallengesOwn() {
        // As answered: the evaluation recorded its challenge ch_1 as created.
        Evaluation answered = EvaluationSamples.everythingSet("app", "ev_1", NOW.minusSeconds(60));
        assertThat(answered.challenge().orElseThrow().status()).isEqualTo("created");
        store.put(challenge(ChallengeStatus.COMPLETED));

        Evaluation read = service.withCurrentChallenge(answered);
        assertThat(read.challenge().orElseThrow().status()).isEqualTo("completed");
        assertThat(read.challenge().orElseThrow().type()).isEqualTo("verification");
        assertThat(read.id()).isEqualTo(answered.id());
    }

    @Test
    void anEvaluationWhoseChallengeIsGoneIsShownAsStored() {
        Evaluation answered = EvaluationSamples.everythingSet("app", "ev_1", NOW.minusSeconds(60));
        assertThat(service.withCurrentChallenge(answered)).isEqualTo(answered);
    }

    private static Challenge challenge(ChallengeStatus status) {
        return new Challenge("ch_1", "app", "ev_1", ChallengeType.VERIFICATION,
                new ChallengePlan("pol_1", "access", Optional.of("https://app.example/ok"), Optional.empty(), Optional.empty(), OptionalInt.empty()),
                status, Optional.of("user-1"), Optional.empty(), Optional.empty(), "dev-1", List.of(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty(), 0, 0, NOW.minusSeconds(60), NOW.plus(Duration.ofMinutes(10)), Optional.empty());
    }
}
