package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import io.seatguard.core.error.ErrorCode;
import io.seatguard.core.error.SeatguardException;
import io.seatguard.core.evaluation.Evaluation;
import io.seatguard.core.evaluation.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replays an app's stored evaluations through one policy (issue 5 "Backtest"): how many it would have
 * allowed, denied and challenged had it been the app's only policy, enforced, with samples of each. So
 * an operator can tune a loose threshold on real traffic before enforcing it (seed 000).
 *
 * <p>Stored facts are judged as recorded: checks, risk and flags as they were computed then, and the
 * app's lists as they are now. A challenge of a device the evaluation found logged out of its account
 * counts as {@code deny}, which is what the pipeline answers there.
 *
 * <p>A backtest reads up to ten thousand stored evaluations and judges each: one app runs one at a time
 * on a node per instance (a second is refused as rate-limited while the first runs), so a script or an
 * impatient double click cannot take a node's CPU and database from its evaluations. The server keeps one
 * instance for the API and one for the dashboard, so neither's callers can keep the other's refused. The evaluations are judged
 * as the archive hands them over, a page at a time, and none is kept but the samples.
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
    /** The apps a backtest is running for on this node. */
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public Backtest(EvaluationArchive archive, PolicyBook book, InstantSource clock) {
        this.archive = requireNonNull(archive, "archive is null");
        this.book = requireNonNull(book, "book is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** @throws SeatguardException rate-limited while another backtest of the app runs on this node */
    public Result run(String appId, String policyId, PolicyDefinition definition, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days out of range: " + days);
        }
        if (!running.add(appId)) {
            throw new SeatguardException(ErrorCode.RATE_LIMITED, "A backtest of this app is already running; try again when it has finished");
        }
        try {
            return replay(appId, policyId, definition, days);
        }
        finally {
            running.remove(appId);
        }
    }

    private Result replay(String appId, String policyId, PolicyDefinition definition, int days) {
        // To the millisecond, as every other time in the API and the stored created_at: the answer's from and
        // to carried nanoseconds (found in review).
        Instant to = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant from = to.minus(Duration.ofDays(days));
        PolicyDefinition enforced = new PolicyDefinition(definition.name(), true, PolicyMode.ENFORCE, definition.priority(), definition.actions(),
                definition.conditions(), definition.verdict(), definition.challenge());
        Tally tally = new Tally(book.forApp(appId).withOnly(new Policy(policyId, appId, enforced, from, from)));
        // One more than replayed, to learn whether the period held more.
        archive.forEachBetween(appId, from, to, MAX_EVALUATIONS + 1, tally::judge);
        return new Result(from, to, tally.evaluated, tally.truncated, tally.outcomes, tally.matched, tally.samples);
    }

    /** What one backtest has counted so far. */
    private static final class Tally {
        private final AppPolicies alone;
        private final Map<Verdict, Integer> outcomes = new EnumMap<>(Verdict.class);
        private final Map<Verdict, Integer> sampled = new EnumMap<>(Verdict.class);
        private final List<Sample> samples = new ArrayList<>();
        private int evaluated;
        private int matched;
        private boolean truncated;

        Tally(AppPolicies alone) {
            this.alone = alone;
            for (Verdict verdict : Verdict.values()) {
                outcomes.put(verdict, 0);
            }
        }

        void judge(Evaluation evaluation) {
            if (evaluated == MAX_EVALUATIONS) {
                truncated = true;
                return;
            }
            evaluated++;
            PolicyDecision decision = PolicyEngine.decide(alone, PolicyFacts.of(evaluation));
            // As the pipeline answers: a device found logged out of the account (recorded as logout) is not
            // offered a challenge but denied (found in review: counted as challenged, unlike live evaluation).
            Verdict verdict = decision.verdict() == Verdict.CHALLENGE && evaluation.logout() ? Verdict.DENY : decision.verdict();
            outcomes.merge(verdict, 1, Integer::sum);
            if (decision.policy().isPresent()) {
                matched++;
                if (sampled.merge(verdict, 1, Integer::sum) <= SAMPLES) {
                    samples.add(new Sample(evaluation.id(), evaluation.createdAt(), evaluation.action(), evaluation.verdict(),
                            decision.policy().get().reasons()));
                }
            }
        }
    }
}
