package io.seatguard.core.risk;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an evaluation's checks into {@code risk}: a 0–100 score explained by the signals that fired,
 * and a score and severity per risk category (issue 4; CONTRACT.md {@code risk}).
 *
 * <p>Points combine as independent chances, {@code score = 100 × (1 − Π (1 − pointsᵢ / 100))}, not as
 * a capped sum. So adding a signal never lowers a score, two strong signals rank above either alone
 * (concurrency 40 and impossible travel 40 give 64), and the score stays below 100 unless a single
 * signal is certain. Weights are configuration ({@link RiskWeights}).
 *
 * <p>Score bands (documented in docs/risk.md): 0 clean, 1–29 low, 30–59 medium, 60–84 high,
 * 85–100 maximum; a category's severity uses the same bands (a category only appears when above 0).
 */
public final class RiskScorer {
    private final RiskWeights weights;
    /** The highest score: a certain signal's. Policies read the scores as whole numbers from 0 to it. */
    public static final int MAX_SCORE = 100;

    private final List<RiskRule> rules;

    public RiskScorer(RiskWeights weights) {
        this.weights = requireNonNull(weights, "weights is null");
        this.rules = RiskWeights.RULES;
    }

    /**
     * @param checks the evaluation's check values by name
     * @param namesAccount whether the evaluation names an account ({@code user}); signals about a known
     *     account do not fire without one
     */
    public Risk score(Map<String, Object> checks, boolean namesAccount) {
        List<RiskSignal> signals = new ArrayList<>();
        Map<String, Double> keptByCategory = new LinkedHashMap<>();
        double kept = 1.0;
        for (RiskRule rule : rules) {
            int points = weights.points(rule.name());
            if (points == 0 || rule.needsAccount() && !namesAccount) {
                continue;
            }
            Optional<String> fired = rule.fires().apply(checks);
            if (fired.isEmpty()) {
                continue;
            }
            signals.add(new RiskSignal(rule.name(), points, fired.get()));
            kept *= 1 - points / 100.0;
            for (String category : rule.categories()) {
                keptByCategory.merge(category, 1 - points / 100.0, (a, b) -> a * b);
            }
        }
        List<RiskCategory> risks = new ArrayList<>();
        for (String category : RiskWeights.CATEGORIES) {
            Double categoryKept = keptByCategory.get(category);
            if (categoryKept != null) {
                int score = toScore(categoryKept);
                risks.add(new RiskCategory(category, score, severity(score)));
            }
        }
        return new Risk(toScore(kept), signals, risks);
    }

    /** 100 only when a signal is certain (nothing kept): rounding alone must not claim certainty. */
    private static int toScore(double kept) {
        return kept == 0 ? MAX_SCORE : (int) Math.min(MAX_SCORE - 1, Math.round(MAX_SCORE * (1 - kept)));
    }

    /** The band of a score: clean, low, medium, high or maximum. */
    public static String band(int score) {
        return score == 0 ? "clean" : severity(score);
    }

    static String severity(int score) {
        if (score >= 85) {
            return "maximum";
        }
        if (score >= 60) {
            return "high";
        }
        if (score >= 30) {
            return "medium";
        }
        return "low";
    }
}
