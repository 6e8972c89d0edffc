package io.seatguard.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.evaluation.Verdict;
import io.seatguard.core.identity.DeviceType;
import io.seatguard.core.testing.EvaluationSamples;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class BacktestTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    /** Every sample evaluation is a login with is_new_device = true on even minutes, false on odd ones. */
    private static List<Evaluation> evaluations(int count) {
        List<Evaluation> evaluations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            evaluations.add(EvaluationSamples.write("app", "ev-" + i, "u" + i, "6f0c3c5e-54a4-4c1c-9a57-0a4bb2b9f7a1", i % 2 == 0, null, null,
                    DeviceType.COMPUTER, "198.51.100.1", NOW.minus(Duration.ofMinutes(i + 1))).evaluation());
        }
        return evaluations;
    }

    private static PolicyDefinition challengeNewDevices() {
        return new PolicyDefinition("new devices", false, PolicyMode.MONITOR, 0, List.of("login"),
                new Condition.Leaf("is_new_device", Operator.EQ, true), Verdict.CHALLENGE,
                Optional.of(new ChallengeConfig(ChallengeType.VERIFICATION, List.of("email"), OptionalInt.empty(), Optional.of("https://a.example/"),
                        Optional.empty(), ChallengeConfig.DEFAULT_EXPIRY)));
    }

    @Test
    void countsWhatThePolicyWouldHaveDoneAndKeepsFiveSamples() {
        List<Evaluation> stored = evaluations(20);
        List<Instant[]> asked = new ArrayList<>();
        EvaluationArchive archive = (appId, from, to, limit) -> {
            asked.add(new Instant[] {from, to});
            return stored.stream().limit(limit).toList();
        };
        Backtest backtest = new Backtest(archive, appId -> AppPolicies.of(List.of(), List.of()), InstantSource.fixed(NOW));
        Backtest.Result result = backtest.run("app", "pol_1", challengeNewDevices(), 7);
        assertThat(asked).singleElement().satisfies(range -> {
            assertThat(range[0]).isEqualTo(NOW.minus(Duration.ofDays(7)));
            assertThat(range[1]).isEqualTo(NOW);
        });
        assertThat(result.evaluated()).isEqualTo(20);
        assertThat(result.matched()).as("disabled and monitored, judged as enforced").isEqualTo(10);
        assertThat(result.outcomes()).containsEntry(Verdict.CHALLENGE, 10).containsEntry(Verdict.ALLOW, 10).containsEntry(Verdict.DENY, 0);
        assertThat(result.samples()).hasSize(Backtest.SAMPLES).allSatisfy(sample -> assertThat(sample.reasons()).isNotEmpty());
        assertThat(result.truncated()).isFalse();
    }

    /**
     * Found in review: a device logged out of the account is never offered a challenge, the pipeline answers
     * {@code deny} in its place (EvaluationPipeline, api.md), and the evaluation records {@code logout}. The
     * backtest counted such evaluations as challenged, so it disagreed with what live evaluation decides.
     */
    @Test
    void aLoggedOutDeviceThePolicyWouldChallengeCountsAsDeniedAsLiveEvaluationAnswers() {
        List<Evaluation> stored = evaluations(4).stream()
                .map(evaluation -> evaluation.id().equals("ev-0") ? loggedOut(evaluation) : evaluation)
                .toList();
        Backtest backtest = new Backtest((appId, from, to, limit) -> stored.stream().limit(limit).toList(),
                appId -> AppPolicies.of(List.of(), List.of()), InstantSource.fixed(NOW));

        PolicyDefinition onEveryAction = challengeNewDevices();
        onEveryAction = new PolicyDefinition(onEveryAction.name(), true, PolicyMode.ENFORCE, 0, List.of("login", "access"), onEveryAction.conditions(),
                onEveryAction.verdict(), onEveryAction.challenge());

        Backtest.Result result = backtest.run("app", "pol_1", onEveryAction, 7);

        assertThat(result.matched()).isEqualTo(2);
        assertThat(result.outcomes()).containsEntry(Verdict.CHALLENGE, 1).containsEntry(Verdict.DENY, 1).containsEntry(Verdict.ALLOW, 2);
        assertThat(result.samples()).extracting(Backtest.Sample::evaluationId).containsExactlyInAnyOrder("ev-0", "ev-2");
    }

    /** The same evaluation, of a device found logged out of its account ({@code logout: true}). */
    private static Evaluation loggedOut(Evaluation e) {
        return new Evaluation(e.id(), e.appId(), "access", Verdict.DENY, e.createdAt(), e.consumedAt(), e.redirect(), e.user(), e.metadata(),
                e.sessionId(), e.returnTo(), e.device(), e.publicIp(), e.localIp(), e.detectionFlags(), e.checks(), e.risk(), e.policy(),
                e.monitoredPolicies(), e.challenge(), true);
    }

    /** Found in review: from and to carried the clock's nanoseconds, where every other time in the API is in milliseconds. */
    @Test
    void thePeriodIsInMilliseconds() {
        List<Instant[]> asked = new ArrayList<>();
        EvaluationArchive archive = (appId, from, to, limit) -> {
            asked.add(new Instant[] {from, to});
            return List.of();
        };
        Instant precise = NOW.plusNanos(123_456_789);
        Backtest.Result result = new Backtest(archive, appId -> AppPolicies.of(List.of(), List.of()), InstantSource.fixed(precise))
                .run("app", "pol_1", challengeNewDevices(), 1);
        assertThat(result.to()).isEqualTo(NOW.plusMillis(123));
        assertThat(result.from()).isEqualTo(NOW.plusMillis(123).minus(Duration.ofDays(1)));
        assertThat(asked).singleElement().satisfies(range -> assertThat(range).containsExactly(result.from(), result.to()));
    }

    @Test
    void saysWhenThePeriodHeldMoreThanItReplayed() {
        List<Evaluation> stored = evaluations(Backtest.MAX_EVALUATIONS + 1);
        Backtest backtest = new Backtest((appId, from, to, limit) -> stored.stream().limit(limit).toList(),
                appId -> AppPolicies.of(List.of(), List.of()), InstantSource.fixed(NOW));
        Backtest.Result result = backtest.run("app", "pol_1", challengeNewDevices(), 1);
        assertThat(result.truncated()).isTrue();
        assertThat(result.evaluated()).isEqualTo(Backtest.MAX_EVALUATIONS);
    }

    /** Regression (review of the policy engine, finding 6): nothing bounded how many backtests of one app ran at once. */
    @Test
    void aSecondBacktestOfTheSameAppIsRefusedWhileTheFirstRuns() throws Exception {
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
        List<Evaluation> stored = evaluations(3);
        EvaluationArchive archive = (appId, from, to, limit) -> {
            if (appId.equals("app") && reading.getCount() > 0) {
                reading.countDown();
                try {
                    finish.await();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return stored;
        };
        Backtest backtest = new Backtest(archive, appId -> AppPolicies.of(List.of(), List.of()), InstantSource.fixed(NOW));
        java.util.concurrent.CompletableFuture<Backtest.Result> first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> backtest.run("app", "pol_1", challengeNewDevices(), 7));
        reading.await();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> backtest.run("app", "pol_2", challengeNewDevices(), 7))
                .isInstanceOfSatisfying(io.seatguard.core.error.SeatguardException.class,
                        e -> assertThat(e.code()).isEqualTo(io.seatguard.core.error.ErrorCode.RATE_LIMITED));
        assertThat(backtest.run("other-app", "pol_3", challengeNewDevices(), 7).evaluated()).as("another app's runs").isEqualTo(3);
        finish.countDown();
        assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS).evaluated()).isEqualTo(3);
        assertThat(backtest.run("app", "pol_2", challengeNewDevices(), 7).evaluated()).as("once the first has finished").isEqualTo(3);
    }
}
