package io.seatguard.core.identity;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picks the known device a set of components most likely belongs to, or none.
 *
 * <p>A candidate matches when its {@link ComponentSimilarity} reaches the threshold. The best
 * candidate wins, with its score as the match's confidence. When the two best candidates score within
 * {@link #AMBIGUITY_MARGIN} of each other there is no match. That happens with identical machines,
 * such as two phones of one model with the same settings. Guessing would merge two real devices, and
 * a merge is worse than a split: a split inflates one account's device count, while a merge hides a
 * sharer behind another person's device.
 *
 * <p>A candidate is also passed over when too little is known to compare: if the components both sides
 * report weigh less than {@link #MIN_EVIDENCE} (two or three minor probes), a high score means little.
 * For example, a phone and a laptop that share only a screen size and a core count are not one device.
 *
 * <p>And a candidate is passed over when a {@link #SETTLED} component differs: see there.
 */
public final class DeviceMatcher {
    /**
     * A canvas-only change (a browser update) scores 0.84 and another laptop of the same model 0.47.
     * Calibrated on the generated population of issue 3 (docs/benchmarks.md), with the resolver's
     * network tie-break: 0.80, 0.78 and 0.76 gave split 2.18, 1.90 and 1.80 % at merge 1.29, 1.29 and
     * 1.41 % (seed 7: 0.80 split 4.86 %, merge 1.08 %; 0.78 split 2.46 %, merge 1.18 %).
     */
    public static final double DEFAULT_THRESHOLD = 0.78;
    public static final double AMBIGUITY_MARGIN = 0.01;
    /** The least total weight of shared components a fuzzy match may rest on (a GPU render and a canvas, say). */
    public static final double MIN_EVIDENCE = 12;

    /**
     * Settings a person chooses once and seldom touches: the browser's language list. A browser that
     * reports other languages than a candidate is somebody else's, however alike the hardware: a sharer's
     * phone of the owner's model differs from the owner's in little but its zone and its languages, and
     * the zone also changes when the owner travels. Not {@link ComponentSimilarity#HARD}, because users
     * do add a language now and then: a known token shown with new languages is still its browser, not a
     * copied token. Without a token such a browser splits, the cheaper error. On the generated population
     * (docs/benchmarks.md) this took a quarter of the merges away.
     */
    public static final Set<String> SETTLED = Set.of("languages");

    private final double threshold;

    public DeviceMatcher(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
        }
        this.threshold = threshold;
    }

    /** A device the resolver may compare against: its id and its latest components. */
    public record Candidate(String deviceId, Map<String, Object> components) {
        public Candidate {
            requireNonNull(deviceId, "deviceId is null");
            requireNonNull(components, "components is null");
        }
    }

    /** A device the components were matched to, and how sure the match is. */
    public record Match(String deviceId, double confidence) {
        public Match {
            requireNonNull(deviceId, "deviceId is null");
        }
    }

    /**
     * The candidates that can decide {@link #bestMatch}: any other scores too low to win or to make the
     * winner ambiguous, so leaving it out changes nothing. Lets a caller read more about a few devices
     * instead of all of them.
     */
    public Set<String> contenders(Map<String, Object> components, List<Candidate> candidates) {
        Set<String> contenders = new HashSet<>();
        for (Candidate candidate : candidates) {
            if (comparable(components, candidate.components())
                    && ComponentSimilarity.of(components, candidate.components()) >= threshold - AMBIGUITY_MARGIN) {
                contenders.add(candidate.deviceId());
            }
        }
        return contenders;
    }

    public Optional<Match> bestMatch(Map<String, Object> components, List<Candidate> candidates) {
        Candidate best = null;
        double bestScore = -1;
        double secondScore = -1;
        for (Candidate candidate : candidates) {
            if (!comparable(components, candidate.components())) {
                continue;
            }
            double score = ComponentSimilarity.of(components, candidate.components());
            if (best != null && candidate.deviceId().equals(best.deviceId())) {
                bestScore = Math.max(bestScore, score);
                continue;
            }
            if (score > bestScore) {
                secondScore = bestScore;
                bestScore = score;
                best = candidate;
            }
            else if (score > secondScore) {
                secondScore = score;
            }
        }
        if (best == null || bestScore < threshold || bestScore - secondScore < AMBIGUITY_MARGIN) {
            return Optional.empty();
        }
        return Optional.of(new Match(best.deviceId(), bestScore));
    }

    /** Enough shared evidence to compare at all, and no {@link #SETTLED} setting that differs. */
    private static boolean comparable(Map<String, Object> components, Map<String, Object> candidate) {
        if (ComponentSimilarity.evidence(components, candidate) < MIN_EVIDENCE) {
            return false;
        }
        for (String name : SETTLED) {
            Object ours = components.get(name);
            Object theirs = candidate.get(name);
            if (ours != null && theirs != null && !ours.equals(theirs)) {
                return false;
            }
        }
        return true;
    }
}
