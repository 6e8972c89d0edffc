package io.seatguard.core.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounds what one evaluation records of why its policies matched. The reasons of the deciding policy and
 * of every matched monitor policy are stored with the evaluation for as long as it is kept, and each
 * reason carries the request's own value: ten monitor policies of twenty {@code metadata.plan ne …}
 * leaves turned one unsigned browser call with a 3,900-character plan into an 880 KB document, and sixty
 * of 170 leaves into 3.8 MB. So an evaluation records at most {@value #MAX_REASONS} reasons in all (the
 * deciding policy's first, then each monitor policy's in the engine's order; a match says how many of
 * its own were left out), and a string in a reason's {@code value} or {@code actual} longer than
 * {@value #MAX_TEXT} characters is cut to its first {@value #MAX_TEXT}, followed by {@value #CUT}, the
 * reason then saying {@code truncated}. The whole values stay where they belong: the request's in the
 * evaluation's own fields, the condition's in its policy.
 */
final class ReasonBudget {
    static final int MAX_REASONS = 50;
    static final int MAX_TEXT = 128;
    static final String CUT = "…";

    private int left = MAX_REASONS;

    /** The match with as many of its reasons as the budget still allows, each cut to size. */
    PolicyMatch record(PolicyMatch match) {
        List<MatchReason> reasons = match.reasons();
        int kept = Math.min(left, reasons.size());
        left -= kept;
        List<MatchReason> recorded = new ArrayList<>(kept);
        for (MatchReason reason : reasons.subList(0, kept)) {
            recorded.add(cutReason(reason));
        }
        return new PolicyMatch(match.id(), match.name(), match.mode(), match.verdict(), recorded, match.reasonsOmitted() + reasons.size() - kept);
    }

    private static MatchReason cutReason(MatchReason reason) {
        Object value = cutValue(reason.value());
        Object actual = cutValue(reason.actual());
        if (value == reason.value() && actual == reason.actual()) {
            return reason;
        }
        return new MatchReason(reason.field(), reason.op(), value, actual, reason.held(), true);
    }

    /** A string cut to size; a set's one recorded value likewise; anything else (numbers, booleans) as it is. */
    private static Object cutValue(Object value) {
        if (value instanceof String text) {
            return cutText(text);
        }
        if (value instanceof List<?> values && values.stream().anyMatch(element -> element instanceof String text && cutText(text) != text)) {
            return values.stream().map(ReasonBudget::cutValue).toList();
        }
        return value;
    }

    /** Counted in code points, so a cut never splits a character outside the BMP (an emoji) in two. */
    private static String cutText(String text) {
        if (text.length() <= MAX_TEXT || text.codePointCount(0, text.length()) <= MAX_TEXT) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_TEXT)) + CUT;
    }
}
