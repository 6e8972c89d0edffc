package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

/**
 * One condition leaf behind a match: what it compared and the value it saw.
 *
 * @param value the condition's value (a list name for {@code in_list}); for {@code in}/{@code not_in},
 *     only the set's value equal to {@code actual}, or an empty list when the set holds none
 * @param actual the evaluation's value of the field
 * @param held whether the leaf itself held; {@code false} for a leaf under a {@code not} that matched
 * @param truncated whether {@code value} or {@code actual} was cut to {@link ReasonBudget#MAX_TEXT}
 *     characters for the record ({@link ReasonBudget})
 */
public record MatchReason(String field, String op, Object value, Object actual, boolean held, boolean truncated) {
    public MatchReason {
        requireNonNull(field, "field is null");
        requireNonNull(op, "op is null");
        requireNonNull(value, "value is null");
        requireNonNull(actual, "actual is null");
    }

    /** A reason as the engine finds it, before anything is cut. */
    public MatchReason(String field, String op, Object value, Object actual, boolean held) {
        this(field, op, value, actual, held, false);
    }
}
