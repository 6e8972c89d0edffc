package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.evaluation.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Replays an app's stored evaluations through one policy (issue 5 "Backtest"): how many it would have
 * allowed, denied and challenged had it been the app's only policy, enforced, with samples of each. So
 * an operator can tune a loose threshold on real traffic before enforcing it (seed 000).
 *
 * <p>Stored facts are judged as recorded: checks, risk and flags as they were computed then, and the
 * app's lists as they are now.
 */
public final class Backtest {
    public static final int DEFAULT_DAYS = 7;
    public static final int MAX_DAYS = 90;
    public static final int MAX_EVALUATIONS = 10_000;
    static final int SAMPLES = 5;

    /** One evaluation the policy would have decided, and why. */
    public record Sample(String evaluationId, Instant createdAt, String action, Verdict recordedVerdict, List<MatchReason> reasons) {}

    /**
     * @param evaluated the evaluations replayed, newest first up to {@link #MAX_EVALUATIONS}
     * @param truncated whether older evaluations in the period were left out
     * @param outcomes how many evaluations each verdict would have had (no match is {@code allow})
     * @param matched how many the policy matched
     * @param samples up to five evaluations the policy matched, per verdict it would have given
     */
    public record Result(Instant from, Instant to, int evaluated, boolean truncated, Map<Verdict, Integer> outcomes, int matched,
            List<Sample> samples) {}

    private final EvaluationArchive archive;
    private final PolicyBook book;
    private final InstantSource clock;

    public Backtest(EvaluationArchive archive, PolicyBook book, InstantSource clock) {
        this.archive = requireNonNull(archive, "archive is null");
        this.book = requireNonNull(book, "book is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Result run(String appId, String policyId, PolicyDefinition definition, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days out of range: " + days);
        }
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(days));
        PolicyDefinition enforced = new PolicyDefinition(definition.name(), true, PolicyMode.ENFORCE, definition.priority(), definition.actions(),
                definition.conditions(), definition.verdict(), definition.challenge());
        AppPolicies alone = book.forApp(appId).withOnly(new Policy(policyId, appId, enforced, from, from));
        List<Evaluation> evaluations = archive.between(appId, from, to, MAX_EVALUATIONS + 1);
        boolean truncated = evaluations.size() > MAX_EVALUATIONS;
        List<Evaluation> replayed = truncated ? evaluations.subList(0, MAX_EVALUATIONS) : evaluations;

        Map<Verdict, Integer> outcomes = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            outcomes.put(verdict, 0);
        }
        Map<Verdict, Integer> sampled = new EnumMap<>(Verdict.class);
        List<Sample> samples = new ArrayList<>();
        int matched = 0;
        for (Evaluation evaluation : replayed) {
            PolicyDecision decision = PolicyEngine.decide(alone, PolicyFacts.of(evaluation));
            outcomes.merge(decision.verdict(), 1, Integer::sum);
            if (decision.policy().isPresent()) {
                matched++;
                if (sampled.merge(decision.verdict(), 1, Integer::sum) <= SAMPLES) {
                    samples.add(new Sample(evaluation.id(), evaluation.createdAt(), evaluation.action(), evaluation.verdict(),
                            decision.policy().get().reasons()));
                }
            }
        }
        return new Result(from, to, replayed.size(), truncated, outcomes, matched, samples);
    }
}
