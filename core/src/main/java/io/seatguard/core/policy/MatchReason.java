package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

/**
 * One condition leaf behind a match: what it compared and the value it saw.
 *
 * @param value the condition's value (a list name for {@code in_list}); for {@code in}/{@code not_in},
 *     only the set's value equal to {@code actual}, or an empty list when the set holds none
 * @param actual the evaluation's value of the field
 * @param held whether the leaf itself held; {@code false} for a leaf under a {@code not} that matched
 */
public record MatchReason(String field, String op, Object value, Object actual, boolean held) {
    public MatchReason {
        requireNonNull(field, "field is null");
        requireNonNull(op, "op is null");
        requireNonNull(value, "value is null");
        requireNonNull(actual, "actual is null");
    }
}
