package io.seatguard.core.policy;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Judges a condition tree against one evaluation's facts, in three-valued logic ({@link Truth}), and
 * keeps the leaves that decided the outcome so an evaluation can say why its policy matched.
 */
final class ConditionEvaluator {
    /** The outcome of a node and the leaves behind it. */
    record Result(Truth truth, List<MatchReason> because) {}

    private final PolicyFacts facts;
    private final Function<String, Optional<ListMatcher>> lists;

    /** @param lists a list by name or id; empty when it no longer exists (the leaf is then unknown) */
    ConditionEvaluator(PolicyFacts facts, Function<String, Optional<ListMatcher>> lists) {
        this.facts = requireNonNull(facts, "facts is null");
        this.lists = requireNonNull(lists, "lists is null");
    }

    Result evaluate(Condition condition) {
        return switch (condition) {
            case Condition.All all -> all(all.children());
            case Condition.Any any -> any(any.children());
            case Condition.Not not -> {
                Result inner = evaluate(not.child());
                yield new Result(inner.truth().not(), inner.because());
            }
            case Condition.Leaf leaf -> leaf(leaf);
        };
    }

    private Result all(List<Condition> children) {
        List<MatchReason> because = new ArrayList<>();
        boolean unknown = false;
        for (Condition child : children) {
            Result result = evaluate(child);
            switch (result.truth()) {
                case FALSE -> {
                    return new Result(Truth.FALSE, result.because());
                }
                case UNKNOWN -> unknown = true;
                case TRUE -> because.addAll(result.because());
            }
        }
        return unknown ? new Result(Truth.UNKNOWN, List.of()) : new Result(Truth.TRUE, because);
    }

    private Result any(List<Condition> children) {
        List<MatchReason> held = new ArrayList<>();
        List<MatchReason> refuted = new ArrayList<>();
        boolean unknown = false;
        for (Condition child : children) {
            Result result = evaluate(child);
            switch (result.truth()) {
                case TRUE -> held.addAll(result.because());
                case UNKNOWN -> unknown = true;
                case FALSE -> refuted.addAll(result.because());
            }
        }
        if (!held.isEmpty()) {
            return new Result(Truth.TRUE, held);
        }
        return unknown ? new Result(Truth.UNKNOWN, List.of()) : new Result(Truth.FALSE, refuted);
    }

    private Result leaf(Condition.Leaf leaf) {
        Optional<Object> actual = facts.value(leaf.field());
        Truth truth = actual.map(value -> compare(leaf, value)).orElse(Truth.UNKNOWN);
        if (truth == Truth.UNKNOWN) {
            return new Result(truth, List.of());
        }
        return new Result(truth, List.of(new MatchReason(leaf.field(), leaf.op().wireName(), reasonValue(leaf, actual.get()), actual.get(),
                truth == Truth.TRUE)));
    }

    /**
     * What a reason says the leaf compared with. For a set, only the element equal to the actual value
     * ({@code []} when the set holds none): the reasons of every matched policy are stored with the
     * evaluation, and whole sets of a thousand values made one evaluation document 12 MB. The policy
     * itself holds the set.
     */
    private static Object reasonValue(Condition.Leaf leaf, Object actual) {
        if (leaf.value() instanceof ValueSet set) {
            return set.find(actual).map(List::of).orElse(List.of());
        }
        return leaf.value();
    }

    private Truth compare(Condition.Leaf leaf, Object actual) {
        Object expected = leaf.value();
        return switch (leaf.op()) {
            case EQ -> Truth.of(same(actual, expected));
            case NE -> Truth.of(!same(actual, expected));
            case GT, GTE, LT, LTE -> ordered(leaf.op(), actual, expected);
            case IN -> Truth.of(((ValueSet) expected).find(actual).isPresent());
            case NOT_IN -> Truth.of(((ValueSet) expected).find(actual).isEmpty());
            case IN_LIST, NOT_IN_LIST -> inList(leaf.op(), actual, (String) expected);
        };
    }

    /** Numbers compare by value (a check's 3 equals a condition's 3.0); other values only equal their own type. */
    private static boolean same(Object actual, Object expected) {
        if (actual instanceof Number a && expected instanceof Number b) {
            return Double.compare(ValueSet.value(a), ValueSet.value(b)) == 0;
        }
        return Objects.equals(actual, expected);
    }

    /**
     * An ordering of a value that is not a number (metadata sent as the string {@code "45"}) is unknown,
     * not false: false would make {@code not} of it true, and a policy could deny on a value it cannot
     * compare.
     */
    private static Truth ordered(Operator op, Object actual, Object expected) {
        if (!(actual instanceof Number a) || !(expected instanceof Number b)) {
            return Truth.UNKNOWN;
        }
        int order = Double.compare(ValueSet.value(a), ValueSet.value(b));
        return Truth.of(switch (op) {
            case GT -> order > 0;
            case GTE -> order >= 0;
            case LT -> order < 0;
            case LTE -> order <= 0;
            default -> throw new IllegalArgumentException("not an ordering: " + op);
        });
    }

    private Truth inList(Operator op, Object actual, String listRef) {
        Optional<ListMatcher> list = lists.apply(listRef);
        if (list.isEmpty() || !(actual instanceof String text)) {
            return Truth.UNKNOWN;
        }
        boolean member = list.get().contains(text);
        return Truth.of(op == Operator.IN_LIST ? member : !member);
    }
}
